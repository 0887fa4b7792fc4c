/**
 * Contextual and data entities of a project's crate: people and
 * organizations, licences, outside references, files, and the catalog's
 * datasets and models. Each function describes its entity in the graph and
 * returns the reference to put in a property.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import { doiUrl, isRecordId } from '../../schema/common/identifiers.ts';
import type { FileEntry } from '../../schema/index.ts';
import { resolveAgent, type ResolvedAgent } from '../common/agents.ts';
import { creatorsOf, descriptionOf, isWithdrawn, licenseOf, publicationDate, type PublishedRecord } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { registeredDoi } from '../schema-org/citable.ts';
import { temporalCoverage } from '../schema-org/dataset.ts';
import { externalUrl, referencedRecord } from '../schema-org/references.ts';
import { entity, type CrateGraph, type IdReference } from './graph.ts';

export interface CrateBuilder {
  graph: CrateGraph;
  context: MetadataContext;
}

/** ORCID and ROR ids are the entities' @ids where known; others get a local id, as RO-Crate recommends. */
function agentId(agent: ResolvedAgent): string {
  if (agent.kind === 'person') return agent.orcid ?? `#person-${agent.id}`;
  return agent.ror ?? `#organization-${agent.id}`;
}

/** How to reach someone, as RO-Crate's contact information: a ContactPoint entity per e-mail address. */
function contactPointRef({ graph }: CrateBuilder, email: string | undefined, contactType: string): IdReference | undefined {
  return email ? graph.add(entity(`mailto:${email}`, 'ContactPoint', { email, contactType, name: `${contactType}: ${email}` })) : undefined;
}

/** A person or organization; `contact` is an address known from elsewhere (the catalog's, for its publisher). */
export function agentRef(builder: CrateBuilder, agent: ResolvedAgent, contact?: { email: string; contactType: string }): IdReference {
  const affiliations = agent.affiliations.map((affiliation) => agentRef(builder, affiliation));
  return builder.graph.add(
    entity(agentId(agent), agent.kind === 'person' ? 'Person' : 'Organization', {
      name: agent.name,
      givenName: agent.givenName,
      familyName: agent.familyName,
      url: agent.url ?? agent.pageUrl,
      affiliation: affiliations,
      contactPoint: contact ? contactPointRef(builder, contact.email, contact.contactType) : contactPointRef(builder, agent.email, 'Author'),
    }),
  );
}

export function agentRefs(builder: CrateBuilder, ids: readonly string[] | undefined): IdReference[] {
  return (ids ?? []).flatMap((id) => {
    const agent = resolveAgent(builder.context, id);
    return agent ? [agentRef(builder, agent)] : [];
  });
}

export function licenseRef({ graph, context }: CrateBuilder, record: PublishedRecord): IdReference {
  const license = licenseOf(record, context);
  const description = license.id ? `The ${license.name} licence (SPDX identifier ${license.id}).` : `The licence terms published at ${license.url}.`;
  return graph.add(entity(license.url, 'CreativeWork', { name: license.name, identifier: license.id, description }));
}

/** Something outside the catalog, known only by its DOI or URL. */
export function externalRef({ graph }: CrateBuilder, target: string): IdReference {
  const url = externalUrl(target);
  return graph.add(entity(url, 'CreativeWork', { name: target }));
}

/**
 * A file on the web: its download URL is its @id, as for RO-Crate web-based
 * data entities, and a DataDownload of the record it belongs to.
 * `recordedOn` is the date of the record that lists it, when the URL was
 * last known to hold the file (RO-Crate's sdDatePublished).
 */
export function fileRef({ graph }: CrateBuilder, file: FileEntry, owner: { title: string; recordedOn?: string }): IdReference {
  return graph.add(
    entity(file.url, ['File', 'DataDownload'], {
      name: file.name,
      description: file.description ?? `${file.name}, a file of ${owner.title}.`,
      // The validator's media type pattern takes no parameters ("; charset=utf-8").
      encodingFormat: file.mediaType.split(';')[0]!.trim(),
      contentSize: String(file.size),
      contentUrl: file.url,
      sha256: file.sha256,
      md5: file.md5,
      sdDatePublished: owner.recordedOn,
    }),
  );
}

function fileRefs(builder: CrateBuilder, record: CatalogRecord<'dataset'> | CatalogRecord<'model'>): IdReference[] {
  if (isWithdrawn(record)) return [];
  const owner = { title: record.data.title, recordedOn: record.data.dateModified ?? publicationDate(record) };
  return (record.data.files ?? []).map((file) => fileRef(builder, file, owner));
}

/** What any catalog record states about itself: enough to know and cite it without fetching its page. */
function summary(builder: CrateBuilder, record: PublishedRecord) {
  const { context } = builder;
  const doi = registeredDoi(record, context);
  return {
    name: record.data.title,
    description: descriptionOf(record),
    url: context.landingUrl(record),
    identifier: doi && doiUrl(doi),
    license: licenseRef(builder, record),
  };
}

/** Where a record points outside its own fields: another catalog record, briefly, or an outside resource. */
export function referenceRef(builder: CrateBuilder, target: string): IdReference | undefined {
  const record = referencedRecord(target, builder.context);
  if (record) return briefRecordRef(builder, record);
  return isRecordId(target) ? undefined : externalRef(builder, target);
}

export function referenceRefs(builder: CrateBuilder, targets: readonly string[] | undefined): IdReference[] {
  const refs = (targets ?? []).flatMap((target) => referenceRef(builder, target) ?? []);
  return [...new Map(refs.map((ref) => [ref['@id'], ref])).values()];
}

/** References name datasets and models; the other types are here only to keep the table total. */
const crateTypes = {
  project: 'CreativeWork',
  dataset: 'Dataset',
  model: ['Dataset', 'MLModel'],
  run: 'CreateAction',
  // RO-Crate 1.2 takes every SoftwareSourceCode for a Script, which must be a File.
  software: ['File', 'SoftwareSourceCode'],
  workflow: ['File', 'SoftwareSourceCode', 'ComputationalWorkflow'],
  instrument: 'IndividualProduct',
} as const;

/** A record outside the project (an input from elsewhere in the catalog): named, linked, licensed. */
export function briefRecordRef(builder: CrateBuilder, record: PublishedRecord): IdReference {
  return builder.graph.add(entity(builder.context.landingUrl(record), [crateTypes[record.type]].flat(), summary(builder, record)));
}

function citable(builder: CrateBuilder, record: CatalogRecord<'dataset'> | CatalogRecord<'model'>) {
  const { data } = record;
  const files = fileRefs(builder, record);
  return {
    ...summary(builder, record),
    creator: creatorsOf(record, builder.context).map((agent) => agentRef(builder, agent)),
    datePublished: publicationDate(record),
    dateModified: data.dateModified,
    version: data.version,
    keywords: data.keywords,
    creativeWorkStatus: isWithdrawn(record) ? 'Withdrawn' : undefined,
    hasPart: files,
    // A web-based directory's downloads (RO-Crate 1.2): here, its files.
    distribution: files,
    sdDatePublished: data.dateModified ?? publicationDate(record),
  };
}

/** A [south, west, north, east] box as the GeoSPARQL polygon RO-Crate 1.2 describes places with (WKT: longitude first). */
function wktPolygon([south, west, north, east]: readonly number[]): string {
  const corners = [[west, south], [east, south], [east, north], [west, north], [west, south]];
  return `POLYGON ((${corners.map((corner) => corner.join(' ')).join(', ')}))`;
}

/** A place and its bounding box, each an entity of its own to keep the graph flat. */
function placeRef({ graph, context }: CrateBuilder, record: CatalogRecord<'dataset'>): IdReference | undefined {
  const coverage = record.data.spatialCoverage;
  if (!coverage) return undefined;
  const landing = context.landingUrl(record);
  const geo = coverage.box && graph.add(entity(`${landing}#bounding-box`, ['GeoShape', 'Geometry'], { name: `Bounding box of ${coverage.name ?? record.data.title}`, box: coverage.box.join(' '), asWKT: wktPolygon(coverage.box) }));
  return graph.add(entity(`${landing}#spatial-coverage`, 'Place', { name: coverage.name, geo }));
}

export function datasetRef(builder: CrateBuilder, record: CatalogRecord<'dataset'>): IdReference {
  const { data } = record;
  const access = data.access;
  return builder.graph.add(
    entity(builder.context.landingUrl(record), 'Dataset', {
      ...citable(builder, record),
      // schema.org's variableMeasured takes plain names too, which keeps the graph flat.
      variableMeasured: data.variables?.map((variable) => variable.name),
      temporalCoverage: temporalCoverage(data.temporalCoverage),
      spatialCoverage: placeRef(builder, record),
      measurementTechnique: data.measurementTechnique,
      isAccessibleForFree: isWithdrawn(record) ? undefined : (access?.level ?? 'open') === 'open',
      conditionsOfAccess: access?.conditions,
      isBasedOn: referenceRefs(builder, data.derivedFrom),
    }),
  );
}

export function modelRef(builder: CrateBuilder, record: CatalogRecord<'model'>): IdReference {
  const { data } = record;
  const base = data.baseModel ? referenceRef(builder, data.baseModel) : undefined;
  return builder.graph.add(
    entity(builder.context.landingUrl(record), [...crateTypes.model], {
      ...citable(builder, record),
      mlTask: data.task,
      modelCategory: [data.modelCategory, data.architecture],
      fineTunedFrom: base,
      trainedOn: referenceRefs(builder, data.trainedOn),
      validatedOn: referenceRefs(builder, data.validatedOn),
      testedOn: referenceRefs(builder, data.testedOn),
      evaluatedOn: referenceRefs(builder, data.evaluation?.map((evaluation) => evaluation.dataset)),
      intendedUse: data.intendedUse,
      modelRisksBiasLimitations: data.limitations,
      usageInstructions: data.usageInstructions,
    }),
  );
}
