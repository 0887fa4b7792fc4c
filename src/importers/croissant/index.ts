/**
 * `npm run import -- croissant <file.json>`: a Croissant 1.0 or 1.1 dataset
 * description as a dataset record: name, description, licence, url,
 * creators, dates, version, keywords, files with checksums, and the fields
 * of its record sets as variables, and its responsible-AI facts (RAI 1.0,
 * under rai:, cr: or full IRIs). Exported again as croissant.json, it
 * keeps these properties.
 */
import { resolve } from 'node:path';
import { isAbsoluteUrl } from '../../schema/common/identifiers.ts';
import { standInCreators } from '../people.ts';
import { isRecord, problemAt, readJson } from '../source-files.ts';
import { failed, type ImportContext, type Importer, type ImportPlan } from '../types.ts';
import { spdxLicenseId } from '../licenses.ts';
import { readCreators } from './creators.ts';
import { readDistribution } from './distribution.ts';
import { hasType, list, nodes, property, text, type Node } from './json-ld.ts';
import { raiFromJsonLd } from '../responsible-ai.ts';
import { readVariables } from './record-sets.ts';

const DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** A date as the schema takes it; a date-time without a zone is cut to its date. */
function date(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (DATE.test(value)) return value;
  return DATE.test(value.slice(0, 10)) ? value.slice(0, 10) : undefined;
}

function license(dataset: Node, language: string, notes: string[]): { license?: string; licenseUrl?: string } {
  const value = list(property(dataset, 'license'))[0];
  const stated = isRecord(value) ? (text(value['@id'], language) ?? text(property(value, 'url'), language)) : text(value, language);
  const spdx = spdxLicenseId(stated);
  if (spdx) return { license: spdx };
  if (stated && isAbsoluteUrl(stated)) return { licenseUrl: stated };
  if (stated) notes.push(`Croissant licence "${stated}" is neither an SPDX id nor a URL; set license by hand`);
  return {};
}

function croissantPlan(document: Node, dataset: Node, path: string, context: ImportContext): ImportPlan | ReturnType<typeof failed> {
  const notes: string[] = [];
  const contextNode = isRecord(document['@context']) ? document['@context'] : {};
  const language = typeof contextNode['@language'] === 'string' ? contextNode['@language'] : 'en';
  const name = text(property(dataset, 'name'), language);
  if (!name) return failed(problemAt(path, 'name: missing (Croissant requires a dataset name)', { field: 'name' }));
  const { distribution, missing } = readDistribution(dataset, language);
  if (missing.length) return failed(...missing.map((what) => problemAt(path, `${what}: missing (Croissant requires it)`, { field: 'distribution' })));
  notes.push(...distribution.notes.map((note) => `Croissant ${name}: ${note}`));
  if (distribution.kept.length) {
    notes.push(`Croissant ${name}: ${distribution.kept.length} distribution entr${distribution.kept.length === 1 ? 'y' : 'ies'} lacking a web URL, media type, byte size or checksum kept as croissantDistribution; add them to files once known`);
  }
  const { creators, agents } = readCreators(dataset, language, context.catalog);
  const description = text(property(dataset, 'description'), language);
  if (!description?.trim()) notes.push(`Croissant ${name}: no description; the name stands in`);
  const url = text(property(dataset, 'url'), language);
  const version = text(property(dataset, 'version'), language);
  const keywords = list(property(dataset, 'keywords')).flatMap((keyword) => text(keyword, language) ?? []);
  const [start, end] = (text(property(dataset, 'temporalCoverage'), language) ?? '').split('/').map(date);
  const variables = readVariables(dataset, language, distribution.sources);
  const raiNotes: string[] = [];
  const responsibleAI = raiFromJsonLd(dataset, (value) => text(value, language), raiNotes);
  notes.push(...raiNotes.map((note) => `Croissant ${name}: ${note}`));
  const fields = {
    title: name,
    description: description?.trim() ? description : name,
    ...(context.project && { project: context.project }),
    creators: creators.length ? creators : standInCreators(context.catalog, `Croissant ${name}`, notes),
    ...(keywords.length && { keywords }),
    ...license(dataset, language, notes),
    ...(version && { version }),
    ...(date(text(property(dataset, 'datePublished'), language)) && { datePublished: date(text(property(dataset, 'datePublished'), language)) }),
    ...(date(text(property(dataset, 'dateModified'), language)) && { dateModified: date(text(property(dataset, 'dateModified'), language)) }),
    ...(url && isAbsoluteUrl(url) && { url }),
    ...(distribution.files.length && { files: distribution.files }),
    ...(distribution.kept.length && { croissantDistribution: distribution.kept }),
    ...(variables.length && { variables }),
    ...((start || end) && { temporalCoverage: { ...(start && { start }), ...(end && { end }) } }),
    ...(responsibleAI && { responsibleAI }),
  };
  // Croissant files rarely give an @id, and two datasets may share a url (MLCommons' recipes do): name and url together identify one.
  const sourceId = typeof dataset['@id'] === 'string' ? dataset['@id'] : url ? `${name} <${url}>` : name;
  return {
    records: [
      ...agents,
      { key: 'dataset', type: 'dataset', origin: { tool: 'croissant', id: sourceId }, name, fields, body: `Imported from the Croissant description of ${name}.` },
    ],
    notes,
  };
}

export const croissantImporter: Importer = {
  name: 'croissant',
  source: 'a Croissant 1.0/1.1 JSON-LD dataset description',
  async plan(path, context) {
    const file = resolve(path);
    const json = readJson(file, 'Croissant file');
    if (json.problems) return failed(...json.problems);
    if (!isRecord(json.value)) return failed(problemAt(file, 'is not a JSON-LD object'));
    const document = json.value;
    const dataset = [document, ...nodes(document['@graph'])].find((node) => hasType(node, 'Dataset'));
    if (!dataset) return failed(problemAt(file, '@type: no sc:Dataset node found (is this a Croissant file?)', { field: '@type' }));
    const plan = croissantPlan(document, dataset, file, context);
    return 'records' in plan ? { plan } : plan;
  },
};
