/**
 * `npm run import -- cff CITATION.cff`: a Citation File Format file (1.x) as
 * a software record: title, abstract, authors (people matched by ORCID iD or
 * name), version, commit, DOI, release date, SPDX licence, keywords and the
 * code repository. Exported again as CITATION.cff, it keeps these fields.
 */
import { resolve } from 'node:path';
import { isAbsoluteUrl, isDoi } from '../../schema/common/identifiers.ts';
import { spdxLicenseId } from '../licenses.ts';
import { isRecord, problemAt, readYaml } from '../source-files.ts';
import { failed, type Importer } from '../types.ts';
import { statedText as text } from '../values.ts';
import { readAuthors } from './authors.ts';

const REQUIRED = ['cff-version', 'message', 'title', 'authors'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** YAML may read an unquoted date as a date; CFF means the calendar date either way. */
function date(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const stated = text(value);
  return stated && DATE.test(stated) ? stated : undefined;
}

export const cffImporter: Importer = {
  name: 'cff',
  source: 'a CITATION.cff file (Citation File Format 1.x)',
  async plan(path, context) {
    const file = resolve(path);
    const yaml = readYaml(file, 'CITATION.cff');
    if (yaml.problems) return failed(...yaml.problems);
    const cff = yaml.value;
    if (!isRecord(cff)) return failed(problemAt(file, 'is not a YAML mapping of CFF keys (is this a CITATION.cff file?)'));
    const missing = REQUIRED.filter((key) => cff[key] === undefined || cff[key] === null || cff[key] === '');
    if (missing.length) return failed(...missing.map((key) => problemAt(file, `${key}: missing (the Citation File Format requires it)`, { field: key })));
    const title = text(cff['title'])!;
    const repository = [cff['repository-code'], cff['repository'], cff['url']].map(text).find((url) => url && isAbsoluteUrl(url));
    if (!repository) {
      return failed(problemAt(file, 'repository-code: missing; a software record needs the URL of its code', { field: 'repository-code', hint: 'Add repository-code: https://… to the file, or create the record with npm run new.' }));
    }
    const notes: string[] = [];
    const { creators, agents } = readAuthors(Array.isArray(cff['authors']) ? cff['authors'] : [], context.catalog);
    if (!creators.length) return failed(problemAt(file, 'authors: no author with a name', { field: 'authors' }));
    const license = text(cff['license']);
    const spdx = spdxLicenseId(license);
    if (license && !spdx) notes.push(`CFF ${title}: licence "${license}" is not one SPDX id; set license by hand`);
    const doi = text(cff['doi']);
    const commit = text(cff['commit']);
    const keywords = Array.isArray(cff['keywords']) ? cff['keywords'].flatMap((keyword) => text(keyword) ?? []) : [];
    const abstract = text(cff['abstract']);
    const fields = {
      title,
      description: abstract ?? title,
      ...(context.project && { project: context.project }),
      creators,
      ...(keywords.length && { keywords }),
      ...(spdx && { license: spdx }),
      ...(doi && isDoi(doi) && { doi }),
      ...(text(cff['version']) && { version: text(cff['version']) }),
      ...(date(cff['date-released']) && { datePublished: date(cff['date-released']) }),
      repository,
      ...(commit && COMMIT.test(commit) && { commit }),
    };
    if (!abstract) notes.push(`CFF ${title}: no abstract; the title stands in as description`);
    return {
      plan: {
        records: [...agents, { key: 'software', type: 'software', origin: { tool: 'cff', id: doi ?? repository }, name: title, fields, body: `Imported from the CITATION.cff of ${title}.` }],
        notes,
      },
    };
  },
};
