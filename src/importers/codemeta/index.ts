/**
 * `npm run import -- codemeta codemeta.json`: a CodeMeta file (2.0 or 3.0) as
 * a software record: name, description, authors and contributors (people
 * matched by ORCID iD or name), version, DOI, release date, SPDX licence,
 * keywords, programming languages, requirements, code repository, issue
 * tracker and documentation. The file is JSON-LD; its keys are read as the
 * CodeMeta contexts define them, with or without their `@` and `schema:`
 * prefixes (CodeMeta 3.0 aliases `id` and `type`).
 */
import { resolve } from 'node:path';
import { isAbsoluteUrl, isDoi } from '../../schema/common/identifiers.ts';
import { readAuthors } from '../cff/authors.ts';
import { spdxLicenseId } from '../licenses.ts';
import { isRecord, problemAt, readJson } from '../source-files.ts';
import { failed, type Importer, type RecordRef } from '../types.ts';
import { statedText } from '../values.ts';

const DATE = /^\d{4}-\d{2}-\d{2}/;
const DOI_URL = /^https?:\/\/(?:dx\.)?doi\.org\//i;
const ORCID_URL = /^https?:\/\/orcid\.org\/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/i;

type Node = Record<string, unknown>;

/** The file's properties under their plain names: `@id`/`id`, `schema:name`/`name`, `codemeta:issueTracker`/`issueTracker`. */
function plainKeys(node: Node): Node {
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key.replace(/^@|^(?:schema|codemeta|sdo):/, ''), value]));
}

const list = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

/** A stated text, or a node's name (a ComputerLanguage, a Person), with runs of spaces made one. */
function text(value: unknown): string | undefined {
  if (isRecord(value)) {
    const node = plainKeys(value);
    return text(node['name'] ?? node['value'] ?? node['id']);
  }
  return statedText(value)?.replace(/\s+/g, ' ');
}

const texts = (value: unknown): string[] => list(value).flatMap((entry) => text(entry) ?? []);
const url = (value: unknown): string | undefined => list(value).map(text).find((entry) => entry !== undefined && isAbsoluteUrl(entry));

/** A CodeMeta Person or Organization in the shape of a CFF author, so people are matched as the CFF import matches them. */
function asCffAuthor(value: unknown): Node | undefined {
  if (!isRecord(value)) return typeof value === 'string' ? { name: value } : undefined;
  const agent = plainKeys(value);
  const orcid = ORCID_URL.exec(text(agent['id']) ?? '')?.[1];
  const person = agent['givenName'] !== undefined || agent['familyName'] !== undefined || list(agent['type']).includes('Person');
  return person
    ? { 'given-names': text(agent['givenName']), 'family-names': text(agent['familyName']) ?? (agent['givenName'] ? undefined : text(agent['name'])), orcid, email: text(agent['email']) }
    : { name: text(agent['name']) };
}

/** The identifier that is a DOI, bare (10.…) or as a doi.org URL. */
function doiOf(codemeta: Node): string | undefined {
  return list(codemeta['identifier'])
    .map((entry) => text(entry)?.replace(DOI_URL, ''))
    .find((entry): entry is string => entry !== undefined && isDoi(entry));
}

export const codemetaImporter: Importer = {
  name: 'codemeta',
  source: 'a codemeta.json file (CodeMeta 2.0 or 3.0)',
  async plan(path, context) {
    const file = resolve(path);
    const json = readJson(file, 'codemeta.json');
    if (json.problems) return failed(...json.problems);
    if (!isRecord(json.value)) return failed(problemAt(file, 'is not a JSON object of CodeMeta properties (is this a codemeta.json file?)'));
    const codemeta = plainKeys(json.value);
    if (!list(codemeta['type']).some((type) => /SoftwareSourceCode|SoftwareApplication/.test(String(type)))) {
      return failed(problemAt(file, 'type: not SoftwareSourceCode; a codemeta.json describes software', { field: 'type' }));
    }
    const title = text(codemeta['name']);
    if (!title) return failed(problemAt(file, 'name: missing; the software record takes its title from it', { field: 'name' }));
    const repository = url(codemeta['codeRepository']);
    if (!repository) {
      return failed(problemAt(file, 'codeRepository: missing; a software record needs the URL of its code', { field: 'codeRepository', hint: 'Add "codeRepository": "https://…" to the file, or create the record with npm run new.' }));
    }
    const notes: string[] = [];
    const authors = readAuthors(list(codemeta['author']).flatMap((author) => asCffAuthor(author) ?? []), context.catalog);
    if (!authors.creators.length) return failed(problemAt(file, 'author: no author with a name', { field: 'author' }));
    // Contributors and the maintainer are credited with the DataCite role that says what they did.
    const credited = [
      ...list(codemeta['contributor']).map((agent) => ({ agent, role: 'Other' })),
      ...list(codemeta['maintainer']).map((agent) => ({ agent, role: 'ContactPerson' })),
    ].flatMap(({ agent, role }) => {
      const author = asCffAuthor(agent);
      return author ? [{ author, role }] : [];
    });
    const others = readAuthors(credited.map(({ author }) => author), context.catalog);
    const agents = [...authors.agents, ...others.agents.filter((agent) => !authors.agents.some((known) => known.key === agent.key))];
    const contributors = others.creators.map((agent, index) => ({ agent, role: credited[index]!.role }));
    const license = text(codemeta['license']);
    const spdx = spdxLicenseId(license);
    if (license && !spdx) notes.push(`CodeMeta ${title}: licence "${license}" is not one SPDX id; set license by hand`);
    const description = text(codemeta['description']);
    if (!description) notes.push(`CodeMeta ${title}: no description; the name stands in`);
    const doi = doiOf(codemeta);
    const published = text(codemeta['datePublished']);
    const languages = texts(codemeta['programmingLanguage']);
    const requirements = texts(codemeta['softwareRequirements']);
    const keywords = texts(codemeta['keywords']);
    const fields = {
      title,
      description: description ?? title,
      ...(context.project && { project: context.project }),
      creators: authors.creators,
      ...(contributors.length && { contributors: unique(contributors) }),
      ...(keywords.length && { keywords }),
      ...(spdx && { license: spdx }),
      ...(doi && { doi }),
      ...(text(codemeta['version']) && { version: text(codemeta['version']) }),
      ...(published && DATE.test(published) && { datePublished: published.slice(0, 10) }),
      repository,
      ...(languages.length && { programmingLanguages: languages }),
      ...(requirements.length && { runtimeRequirements: requirements }),
      ...(url(codemeta['softwareHelp'] ?? codemeta['readme']) && { documentation: url(codemeta['softwareHelp'] ?? codemeta['readme']) }),
      ...(url(codemeta['issueTracker']) && { issueTracker: url(codemeta['issueTracker']) }),
    };
    return {
      plan: {
        records: [...agents, { key: 'software', type: 'software', origin: { tool: 'codemeta', id: doi ?? repository }, name: title, fields, body: `Imported from the codemeta.json of ${title}.` }],
        notes,
      },
    };
  },
};

/** One credit per agent and role: CodeMeta files often list the maintainer among the contributors too. */
function unique(contributors: { agent: string | RecordRef; role: string }[]): { agent: string | RecordRef; role: string }[] {
  const seen = new Set<string>();
  return contributors.filter(({ agent, role }) => {
    const key = `${JSON.stringify(agent)} ${role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
