/**
 * Croissant 1.1 (MLCommons) for datasets: what ML loaders such as
 * mlcroissant, TFDS and Hugging Face read to fetch and verify the files and
 * to know the fields of a record.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import { doiUrl } from '../../schema/common/identifiers.ts';
import type { FileEntry } from '../../schema/index.ts';
import { citeAsUrl, creatorsOf, descriptionOf, isWithdrawn, licenseOf, publicationDate, publisherOf } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { agentNode, type AgentStyle } from '../schema-org/agents.ts';
import { registeredDoi } from '../schema-org/citable.ts';
import { node, slug } from '../schema-org/jsonld.ts';
import { externalUrl, referencedRecord } from '../schema-org/references.ts';
import type { Serializer } from '../types.ts';
import { CROISSANT_1_1, CROISSANT_CONTEXT } from './context.ts';
import { croissantDataTypes, DEFAULT_DATA_TYPE, tabularMediaTypes } from './data-types.ts';
import type { CroissantDataset, CroissantField, CroissantFileObject, CroissantRecordSet, IdReference } from './types.ts';

/**
 * Croissant's context maps `value` to cr:value, so an identifier cannot be a
 * schema.org PropertyValue here; the ORCID or ROR URL is written as it is.
 */
const croissantAgentStyle: AgentStyle = {
  identifier: ({ url }) => url,
  type: (kind) => (kind === 'person' ? 'sc:Person' : 'sc:Organization'),
};

/** Ids unique within the document, made from names (two files may share a name in different folders). */
function uniqueIds(names: readonly string[]): string[] {
  const used = new Map<string, number>();
  return names.map((name) => {
    const base = slug(name);
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

function fileObject(file: FileEntry, id: string): CroissantFileObject {
  return {
    '@type': 'cr:FileObject',
    '@id': id,
    name: file.name,
    ...(file.description && { description: file.description }),
    contentUrl: file.url,
    encodingFormat: file.mediaType,
    contentSize: `${file.size} B`,
    ...(file.sha256 && { sha256: file.sha256 }),
    ...(file.md5 && { md5: file.md5 }),
  };
}

/** An entry kept from an imported Croissant file, written back as it was read. */
function keptEntry(entry: NonNullable<CatalogRecord<'dataset'>['data']['croissantDistribution']>[number]): CroissantFileObject {
  return {
    '@type': `cr:${entry.kind}`,
    '@id': entry.id,
    name: entry.name ?? entry.id,
    ...(entry.description && { description: entry.description }),
    ...(entry.contentUrl && { contentUrl: entry.contentUrl }),
    encodingFormat: entry.encodingFormat,
    ...(entry.contentSize && { contentSize: entry.contentSize }),
    ...(entry.sha256 && { sha256: entry.sha256 }),
    ...(entry.md5 && { md5: entry.md5 }),
    ...(entry.containedIn && { containedIn: entry.containedIn.map((id) => ({ '@id': id })) }),
    ...(entry.includes && { includes: entry.includes }),
  };
}

function isTabular(file: CroissantFileObject): boolean {
  return tabularMediaTypes.has(file.encodingFormat.split(';')[0]!.trim().toLowerCase());
}

/**
 * One record set with a field per variable. Every field is sourced from the
 * first file; a column to extract is named only where the file has columns.
 */
function recordSet(record: CatalogRecord<'dataset'>, files: CroissantFileObject[]): CroissantRecordSet[] {
  const variables = record.data.variables ?? [];
  const first = files[0];
  if (!variables.length || !first) return [];
  const setId = slug(record.id);
  const fieldIds = uniqueIds(variables.map((variable) => variable.name));
  const field = variables.map(
    (variable, index): CroissantField => ({
      '@type': 'cr:Field',
      '@id': `${setId}/${fieldIds[index]}`,
      name: variable.name,
      ...(variable.description && { description: variable.description }),
      dataType: variable.type ? croissantDataTypes[variable.type] : DEFAULT_DATA_TYPE,
      source: {
        [first['@type'] === 'cr:FileSet' ? 'fileSet' : 'fileObject']: { '@id': first['@id'] },
        ...(isTabular(first) && { extract: { column: variable.name } }),
      },
    }),
  );
  return [{ '@type': 'cr:RecordSet', '@id': setId, name: record.id, description: `The records of ${record.data.title}.`, field }];
}

function provenance(record: CatalogRecord<'dataset'>, context: MetadataContext): Pick<CroissantDataset, 'prov:wasDerivedFrom' | 'prov:wasGeneratedBy'> {
  const idOf = (target: string): IdReference => {
    const source = referencedRecord(target, context);
    return { '@id': source ? context.landingUrl(source) : externalUrl(target) };
  };
  const generator = context.graph.generatorOf(record.id);
  const sources = record.data.derivedFrom ?? [];
  return {
    ...(sources.length > 0 && { 'prov:wasDerivedFrom': sources.map(idOf) }),
    ...(generator && { 'prov:wasGeneratedBy': idOf(generator) }),
  };
}

export function croissantDataset(record: CatalogRecord<'dataset'>, context: MetadataContext): CroissantDataset {
  const { data } = record;
  const files = data.files ?? [];
  const ids = uniqueIds(files.map((file) => file.name));
  const distribution = [...files.map((file, index) => fileObject(file, ids[index]!)), ...(data.croissantDistribution ?? []).map(keptEntry)];
  const doi = registeredDoi(record, context);
  const publisher = publisherOf(context);
  const access = data.access;
  return {
    '@context': CROISSANT_CONTEXT,
    '@type': 'sc:Dataset',
    conformsTo: CROISSANT_1_1,
    name: data.title,
    description: descriptionOf(record),
    // Terms without an SPDX id (imported from Croissant) are stated rather than the catalog's default.
    license: licenseOf(record, context).url,
    // A dataset published elsewhere keeps its own home page; the landing page otherwise.
    url: data.url ?? context.landingUrl(record),
    creator: creatorsOf(record, context).map((agent) => agentNode(agent, croissantAgentStyle)),
    // Croissant requires a date; a dataset without one is published by this build.
    datePublished: publicationDate(record) ?? new Date().toISOString().slice(0, 10),
    ...(data.dateModified && { dateModified: data.dateModified }),
    ...(data.version && { version: data.version }),
    ...(data.keywords?.length ? { keywords: data.keywords } : {}),
    inLanguage: context.settings.language,
    citeAs: citeAsUrl(record, context),
    ...(doi && { identifier: doiUrl(doi), sameAs: doiUrl(doi) }),
    ...(publisher && { publisher: node(agentNode(publisher, croissantAgentStyle)) }),
    isAccessibleForFree: (access?.level ?? 'open') === 'open',
    ...(access?.conditions && { conditionsOfAccess: access.conditions }),
    ...provenance(record, context),
    distribution,
    ...(data.variables?.length ? { recordSet: recordSet(record, distribution) } : {}),
  };
}

export const croissant: Serializer<CroissantDataset> = {
  id: 'croissant',
  label: 'Croissant 1.1',
  fileName: 'croissant.json',
  mediaType: 'application/ld+json',
  profile: CROISSANT_1_1,
  // Croissant describes data to load: a dataset without files, or withdrawn, has none.
  appliesTo: (record) =>
    record.type === 'dataset' && !isWithdrawn(record) && !!(record.data.files?.length || record.data.croissantDistribution?.length),
  build(record, context) {
    if (record.type !== 'dataset') throw new Error(`Croissant describes datasets, not the ${record.type} "${record.id}"`);
    return croissantDataset(record, context);
  },
  render: (document) => `${JSON.stringify(document, null, 2)}\n`,
};

export type { CroissantDataset, CroissantField, CroissantFileObject, CroissantRecordSet } from './types.ts';
