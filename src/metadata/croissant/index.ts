/**
 * Croissant 1.1 (MLCommons) for datasets: what ML loaders such as
 * mlcroissant, TFDS and Hugging Face read to fetch and verify the files and
 * to know the fields of a record.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import { doiUrl } from '../../schema/common/identifiers.ts';
import type { FileEntry } from '../../schema/index.ts';
import { containedFile } from '../common/compressed-files.ts';
import { citeAsUrl, creatorsOf, descriptionOf, isWithdrawn, licenseOf, publicationDate, publisherOf } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { agentNode, type AgentStyle } from '../schema-org/agents.ts';
import { registeredDoi } from '../schema-org/citable.ts';
import { node, slug } from '../schema-org/jsonld.ts';
import { externalUrl, referencedRecord } from '../schema-org/references.ts';
import type { Serializer } from '../types.ts';
import { CROISSANT_1_1, CROISSANT_CONTEXT } from './context.ts';
import { failureStatements } from '../common/failures.ts';
import { CROISSANT_RAI_1_0, raiProperties } from './responsible-ai.ts';
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

function isTabular(entry: CroissantFileObject): boolean {
  return tabularMediaTypes.has(entry.encodingFormat.split(';')[0]!.trim().toLowerCase());
}

/**
 * A file as Croissant distribution entries: its FileObject and, for a
 * compressed file whose content is known, a FileSet of that content, which
 * is what a loader parses.
 */
function fileEntries(file: FileEntry, id: string): { download: CroissantFileObject; readable: CroissantFileObject; all: CroissantFileObject[] } {
  const download = fileObject(file, id);
  const contained = containedFile(file);
  if (!contained) return { download, readable: download, all: [download] };
  const content: CroissantFileObject = {
    '@type': 'cr:FileSet',
    '@id': `${id}/content`,
    name: contained.name,
    description: `The ${contained.mediaType} file compressed in ${file.name}.`,
    containedIn: [{ '@id': id }],
    encodingFormat: contained.mediaType,
    includes: [contained.name],
  };
  return { download, readable: content, all: [download, content] };
}

type Variable = NonNullable<CatalogRecord<'dataset'>['data']['variables']>[number];

/**
 * The record sets: one per file that variables are read from, each field
 * sourced from its own file (the one the variable names, or the dataset's
 * only file) and, in a table, from its column. A variable whose file is not
 * known among several is left out rather than read from the wrong one.
 */
/** A distribution entry a field can read from, with the names a variable's `file` may give it. */
interface Readable {
  names: string[];
  entry: CroissantFileObject;
}

function recordSets(record: CatalogRecord<'dataset'>, readable: readonly Readable[]): CroissantRecordSet[] {
  const variables = record.data.variables ?? [];
  const sourceOf = (variable: Variable) => {
    if (!variable.file) return readable.length === 1 ? readable[0] : undefined;
    const matches = readable.filter(({ names }) => names.includes(variable.file!));
    return matches[0]?.names[0] === variable.file ? matches[0] : matches.length === 1 ? matches[0] : undefined;
  };
  const bySource = new Map<(typeof readable)[number], Variable[]>();
  for (const variable of variables) {
    const source = sourceOf(variable);
    if (source) bySource.set(source, [...(bySource.get(source) ?? []), variable]);
  }
  const single = bySource.size === 1;
  return [...bySource].map(([{ names, entry: source }, fileVariables]) => {
    const fileName = source.name ?? names[0]!;
    const setId = single ? slug(record.id) : `${slug(record.id)}/${source['@id']}`;
    const fieldIds = uniqueIds(fileVariables.map((variable) => variable.name));
    const field = fileVariables.map(
      (variable, index): CroissantField => ({
        '@type': 'cr:Field',
        '@id': `${setId}/${fieldIds[index]}`,
        name: variable.name,
        ...(variable.description && { description: variable.description }),
        dataType: variable.type ? croissantDataTypes[variable.type] : DEFAULT_DATA_TYPE,
        source: {
          [source['@type'] === 'cr:FileSet' ? 'fileSet' : 'fileObject']: { '@id': source['@id'] },
          ...(isTabular(source) && { extract: { column: variable.column ?? variable.name } }),
        },
      }),
    );
    const description = single ? `The records of ${record.data.title}.` : `The records of ${record.data.title} in ${fileName}.`;
    return { '@type': 'cr:RecordSet', '@id': setId, name: single ? record.id : `${record.id}/${fileName}`, description, field };
  });
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
  const entries = files.map((file, index) => fileEntries(file, ids[index]!));
  const distribution = [...entries.flatMap((entry) => entry.all), ...(data.croissantDistribution ?? []).map(keptEntry)];
  const readable = [
    ...files.map((file, index) => ({ names: [file.url, file.name], entry: entries[index]!.readable })),
    ...(data.croissantDistribution ?? []).map((entry) => ({ names: [entry.id], entry: keptEntry(entry) })),
  ];
  const sets = recordSets(record, readable);
  const rai = raiProperties(data.responsibleAI, failureStatements(record));
  const doi = registeredDoi(record, context);
  const publisher = publisherOf(context);
  const access = data.access;
  return {
    '@context': CROISSANT_CONTEXT,
    '@type': 'sc:Dataset',
    // A description with responsible-AI facts conforms to the RAI extension too, as MLCommons' tools write it.
    conformsTo: Object.keys(rai).length ? [CROISSANT_1_1, CROISSANT_RAI_1_0] : CROISSANT_1_1,
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
    ...rai,
    distribution,
    ...(sets.length ? { recordSet: sets } : {}),
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
