/**
 * One record as a DataCite Metadata Schema 4.7 resource. Both DataCite exports
 * render this structure: the XML kernel (xml.ts) and the REST API payload
 * (json.ts), so they cannot disagree. Property names follow DataCite's JSON
 * (schemeUri, rightsUri, awardUri, lang); the XML renderer maps them to the
 * XML attribute names (schemeURI, rightsURI, awardURI, xml:lang).
 */
import { isExternal } from '../../catalog/graph.ts';
import type { CatalogGraph } from '../../catalog/graph.ts';
import type { RelationKind } from '../../catalog/relations.ts';
import { isAbsoluteUrl, isDoi } from '../../schema/common/identifiers.ts';
import type { FileEntry, PublishedType } from '../../schema/index.ts';
import { publishedTypes } from '../../schema/index.ts';
import type { ResolvedAgent } from '../common/agents.ts';
import { resolveAgent } from '../common/agents.ts';
import {
  creatorsOf,
  descriptionOf,
  doiOf,
  isWithdrawn,
  licenseOf,
  publicationYear,
  publisherOf,
  type PublishedRecord,
} from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';

export const DATACITE_NAMESPACE = 'http://datacite.org/schema/kernel-4';
export const DATACITE_SCHEMA_LOCATION = 'https://schema.datacite.org/meta/kernel-4.7/metadata.xsd';

const ORCID_SCHEME = 'https://orcid.org';
const ROR_SCHEME = 'https://ror.org';
const SPDX_SCHEME = 'https://spdx.org/licenses/';

// ---------------------------------------------------------------- structure

export interface NameIdentifier {
  nameIdentifier: string;
  nameIdentifierScheme: 'ORCID' | 'ROR';
  schemeUri: string;
}

export interface Affiliation {
  name: string;
  affiliationIdentifier?: string;
  affiliationIdentifierScheme?: 'ROR';
  schemeUri?: string;
}

export interface Creator {
  /** "Family, Given" for people, as DataCite asks; the plain name otherwise. */
  name: string;
  nameType: 'Personal' | 'Organizational';
  givenName?: string;
  familyName?: string;
  nameIdentifiers: NameIdentifier[];
  affiliation: Affiliation[];
}

export interface Contributor extends Creator {
  contributorType: string;
}

export interface Title {
  title: string;
  lang?: string;
}

export interface Publisher {
  name: string;
  publisherIdentifier?: string;
  publisherIdentifierScheme?: 'ROR';
  schemeUri?: string;
}

export interface ResourceTypes {
  resourceTypeGeneral: string;
  resourceType: string;
}

export interface Subject {
  subject: string;
  lang?: string;
}

export type DateType = 'Available' | 'Coverage' | 'Created' | 'Issued' | 'Updated' | 'Withdrawn';

export interface DateEntry {
  date: string;
  dateType: DateType;
}

export interface AlternateIdentifier {
  alternateIdentifier: string;
  alternateIdentifierType: string;
}

export interface RelatedIdentifier {
  relatedIdentifier: string;
  relatedIdentifierType: 'DOI' | 'URL';
  relationType: string;
  resourceTypeGeneral?: string;
}

export interface Rights {
  rights: string;
  rightsUri?: string;
  rightsIdentifier?: string;
  rightsIdentifierScheme?: string;
  schemeUri?: string;
}

export type DescriptionType = 'Abstract' | 'Methods' | 'TechnicalInfo' | 'Other';

export interface Description {
  description: string;
  descriptionType: DescriptionType;
  lang?: string;
}

export interface GeoLocationBox {
  westBoundLongitude: number;
  eastBoundLongitude: number;
  southBoundLatitude: number;
  northBoundLatitude: number;
}

export interface GeoLocation {
  geoLocationPlace?: string;
  geoLocationBox?: GeoLocationBox;
}

export interface FundingReference {
  funderName: string;
  funderIdentifier?: string;
  funderIdentifierType?: 'ROR';
  schemeUri?: string;
  awardNumber?: string;
  awardUri?: string;
  awardTitle?: string;
}

export interface Identifier {
  identifier: string;
  identifierType: 'DOI' | 'URL';
}

export interface DataciteResource {
  identifier: Identifier;
  /** False when the DOI in identifier is only proposed (catalog prefix + record id), not registered yet. */
  registered: boolean;
  /** Landing page: the URL the DOI resolves to. */
  url: string;
  creators: Creator[];
  titles: Title[];
  publisher: Publisher;
  publicationYear: number;
  types: ResourceTypes;
  subjects: Subject[];
  contributors: Contributor[];
  dates: DateEntry[];
  language: string;
  alternateIdentifiers: AlternateIdentifier[];
  relatedIdentifiers: RelatedIdentifier[];
  sizes: string[];
  formats: string[];
  version?: string;
  rightsList: Rights[];
  descriptions: Description[];
  geoLocations: GeoLocation[];
  fundingReferences: FundingReference[];
}

// ---------------------------------------------------------------- mapping tables

/** resourceTypeGeneral (controlled) and resourceType (free text) of each published type. */
export const resourceTypes: Record<PublishedType, ResourceTypes> = {
  project: { resourceTypeGeneral: 'Project', resourceType: 'Research project' },
  dataset: { resourceTypeGeneral: 'Dataset', resourceType: 'Dataset' },
  model: { resourceTypeGeneral: 'Model', resourceType: 'Machine learning model' },
  // DataCite has no type for a computation; Workflow would claim the run is reusable software.
  run: { resourceTypeGeneral: 'Other', resourceType: 'Training run' },
};

interface RelationTypePair {
  /** Stated by the record holding the field, about its target. */
  forward: string;
  /** Stated by the target, about the record holding the field. */
  inverse: string;
}

/**
 * DataCite relationType of each catalog relation, read from both ends. Kinds
 * missing here relate agents (creators, contributors, agents, affiliations,
 * funders): DataCite states those as creators, contributors and
 * fundingReferences, not as related identifiers.
 *
 * - Provenance of content: derived datasets, fine-tuned models and models
 *   trained on a dataset are IsDerivedFrom their sources (IsSourceOf back).
 * - A run creates its outputs: the output IsCompiledBy the run ("B is used to
 *   compile or create A"), the run Compiles it.
 * - Inputs a run used and datasets a model was only validated, tested or
 *   evaluated on are References: they informed, but are not the source of, it.
 * - Membership: IsPartOf the project, and of the sweep for child runs.
 */
export const relationTypes: Partial<Record<RelationKind, RelationTypePair>> = {
  partOf: { forward: 'IsPartOf', inverse: 'HasPart' },
  parentRun: { forward: 'IsPartOf', inverse: 'HasPart' },
  derivedFrom: { forward: 'IsDerivedFrom', inverse: 'IsSourceOf' },
  fineTunedFrom: { forward: 'IsDerivedFrom', inverse: 'IsSourceOf' },
  trainedOn: { forward: 'IsDerivedFrom', inverse: 'IsSourceOf' },
  generatedBy: { forward: 'IsCompiledBy', inverse: 'Compiles' },
  generated: { forward: 'Compiles', inverse: 'IsCompiledBy' },
  used: { forward: 'References', inverse: 'IsReferencedBy' },
  validatedOn: { forward: 'References', inverse: 'IsReferencedBy' },
  testedOn: { forward: 'References', inverse: 'IsReferencedBy' },
  evaluatedOn: { forward: 'References', inverse: 'IsReferencedBy' },
  previousVersion: { forward: 'IsNewVersionOf', inverse: 'IsPreviousVersionOf' },
};

/**
 * Inverse of each DataCite relationType, so a relation a record states in its
 * relatedIdentifiers field about another catalog record (for instance
 * IsNewVersionOf) also appears, reversed, on that record. Types without an
 * inverse (IsPublishedIn, Other) are not mirrored.
 */
const inverseRelationTypes: Record<string, string> = Object.fromEntries(
  (
    [
      ['IsCitedBy', 'Cites'],
      ['IsSupplementTo', 'IsSupplementedBy'],
      ['IsContinuedBy', 'Continues'],
      ['IsNewVersionOf', 'IsPreviousVersionOf'],
      ['IsPartOf', 'HasPart'],
      ['IsReferencedBy', 'References'],
      ['IsDocumentedBy', 'Documents'],
      ['IsCompiledBy', 'Compiles'],
      ['IsVariantFormOf', 'IsOriginalFormOf'],
      ['IsIdenticalTo', 'IsIdenticalTo'],
      ['HasMetadata', 'IsMetadataFor'],
      ['Reviews', 'IsReviewedBy'],
      ['IsDerivedFrom', 'IsSourceOf'],
      ['Describes', 'IsDescribedBy'],
      ['HasVersion', 'IsVersionOf'],
      ['Requires', 'IsRequiredBy'],
      ['Obsoletes', 'IsObsoletedBy'],
      ['Collects', 'IsCollectedBy'],
      ['HasTranslation', 'IsTranslationOf'],
    ] as const
  ).flatMap(([a, b]) => [
    [a, b],
    [b, a],
  ]),
);

/**
 * Access levels as rights statements, in the info:eu-repo vocabulary that
 * OpenAIRE and DataCite consumers read from rightsList.
 */
const accessRights: Record<'open' | 'restricted' | 'embargoed', { label: string; uri: string }> = {
  open: { label: 'Open access', uri: 'info:eu-repo/semantics/openAccess' },
  restricted: { label: 'Restricted access', uri: 'info:eu-repo/semantics/restrictedAccess' },
  embargoed: { label: 'Embargoed access', uri: 'info:eu-repo/semantics/embargoedAccess' },
};

// ---------------------------------------------------------------- agents

function nameIdentifiersOf(agent: ResolvedAgent): NameIdentifier[] {
  if (agent.orcid) return [{ nameIdentifier: agent.orcid, nameIdentifierScheme: 'ORCID', schemeUri: ORCID_SCHEME }];
  if (agent.ror) return [{ nameIdentifier: agent.ror, nameIdentifierScheme: 'ROR', schemeUri: ROR_SCHEME }];
  return [];
}

function affiliationOf(organization: ResolvedAgent): Affiliation {
  if (!organization.ror) return { name: organization.name };
  return { name: organization.name, affiliationIdentifier: organization.ror, affiliationIdentifierScheme: 'ROR', schemeUri: ROR_SCHEME };
}

export function creatorOf(agent: ResolvedAgent): Creator {
  if (agent.kind === 'organization') {
    return { name: agent.name, nameType: 'Organizational', nameIdentifiers: nameIdentifiersOf(agent), affiliation: [] };
  }
  const { givenName, familyName } = agent;
  return {
    name: familyName && givenName ? `${familyName}, ${givenName}` : agent.name,
    nameType: 'Personal',
    givenName,
    familyName,
    nameIdentifiers: nameIdentifiersOf(agent),
    affiliation: agent.affiliations.map(affiliationOf),
  };
}

function contributorsOf(record: PublishedRecord, context: MetadataContext): Contributor[] {
  if (record.type === 'run') return [];
  return (record.data.contributors ?? []).flatMap(({ agent, role }) => {
    const resolved = resolveAgent(context, agent);
    return resolved ? [{ ...creatorOf(resolved), contributorType: role }] : [];
  });
}

function publisherFor(context: MetadataContext): Publisher {
  const publisher = publisherOf(context);
  // The reference rule reports a publisher that is not an organization; the
  // catalog title still gives DataCite its mandatory, non-empty publisher.
  if (!publisher) return { name: context.settings.title };
  if (!publisher.ror) return { name: publisher.name };
  return { name: publisher.name, publisherIdentifier: publisher.ror, publisherIdentifierScheme: 'ROR', schemeUri: ROR_SCHEME };
}

// ---------------------------------------------------------------- identifiers

/**
 * The identifier element is mandatory. A record's own DOI, else the DOI the
 * catalog prefix proposes for it (doiOf). A catalog without doiPrefix has
 * neither: the 4.7 XSD only requires a non-empty identifier with some
 * identifierType, so the landing URL stands in as identifierType "URL". That
 * is schema-valid and honest (the URL is what identifies the record today),
 * whereas a DOI element holding a URL would be a false statement; DataCite
 * itself only registers DOIs, so such a file documents the record but cannot
 * be registered until a prefix or DOI is set.
 */
function identifierOf(record: PublishedRecord, context: MetadataContext): { identifier: Identifier; registered: boolean } {
  const doi = doiOf(record, context);
  if (doi) return { identifier: { identifier: doi.doi, identifierType: 'DOI' }, registered: doi.registered };
  return { identifier: { identifier: context.landingUrl(record), identifierType: 'URL' }, registered: false };
}

const DOI_URL = /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,9}\/\S+)$/i;

/** A DOI written bare or as a doi.org URL. */
function doiIn(value: string): string | undefined {
  return isDoi(value) ? value : DOI_URL.exec(value)?.[1];
}

type Target = Omit<RelatedIdentifier, 'relationType'>;

/** A catalog record is cited by its registered DOI; a proposed DOI resolves nowhere yet, so by its landing page. */
function recordTarget(record: PublishedRecord, context: MetadataContext): Target {
  const { resourceTypeGeneral } = resourceTypes[record.type];
  if (record.data.doi) return { relatedIdentifier: record.data.doi, relatedIdentifierType: 'DOI', resourceTypeGeneral };
  return { relatedIdentifier: context.landingUrl(record), relatedIdentifierType: 'URL', resourceTypeGeneral };
}

/** An external DOI or URL as it is; DOIs written as doi.org URLs are given as DOIs. */
function externalTarget(value: string, resourceTypeGeneral?: string): Target | undefined {
  const doi = doiIn(value);
  if (doi) return { relatedIdentifier: doi, relatedIdentifierType: 'DOI', resourceTypeGeneral };
  if (isAbsoluteUrl(value)) return { relatedIdentifier: value, relatedIdentifierType: 'URL', resourceTypeGeneral };
  return undefined;
}

function publishedRecord(graph: CatalogGraph, id: string): PublishedRecord | undefined {
  const record = graph.records.get(id);
  return record && (publishedTypes as readonly string[]).includes(record.type) ? (record as PublishedRecord) : undefined;
}

function targetOf(value: string, context: MetadataContext, resourceTypeGeneral?: string): Target | undefined {
  if (!isExternal(value)) {
    const record = publishedRecord(context.graph, value);
    return record && recordTarget(record, context);
  }
  return externalTarget(value, resourceTypeGeneral);
}

/** What an external target of a relation field must be, when the field allows one type only. */
function expectedTypeGeneral(targets: readonly string[]): string | undefined {
  const [only, ...rest] = targets;
  return only && !rest.length && only in resourceTypes ? resourceTypes[only as PublishedType].resourceTypeGeneral : undefined;
}

function graphRelations(record: PublishedRecord, context: MetadataContext): RelatedIdentifier[] {
  const { graph } = context;
  const forward = graph.outgoing(record.id).flatMap((relation) => {
    const relationType = relationTypes[relation.kind]?.forward;
    const target = relationType && targetOf(relation.to, context, expectedTypeGeneral(relation.rule.targets));
    return target ? [{ ...target, relationType }] : [];
  });
  const inverse = graph.incoming(record.id).flatMap((relation) => {
    const relationType = relationTypes[relation.kind]?.inverse;
    const source = relationType && publishedRecord(graph, relation.from);
    return source ? [{ ...recordTarget(source, context), relationType }] : [];
  });
  return [...forward, ...inverse];
}

function statedRelations(record: PublishedRecord, context: MetadataContext): RelatedIdentifier[] {
  return (record.data.relatedIdentifiers ?? []).flatMap(({ identifier, relationType, resourceTypeGeneral }) => {
    const target = targetOf(identifier, context, resourceTypeGeneral);
    return target ? [{ ...target, relationType, resourceTypeGeneral: resourceTypeGeneral ?? target.resourceTypeGeneral }] : [];
  });
}

interface StatedAbout {
  source: PublishedRecord;
  relationType: string;
}

/** Per graph: which records state a relatedIdentifier about which catalog record (by id or DOI). */
const statedIndex = new WeakMap<CatalogGraph, Map<string, StatedAbout[]>>();

function buildStatedIndex(graph: CatalogGraph): Map<string, StatedAbout[]> {
  const published = [...graph.records.keys()].flatMap((id) => publishedRecord(graph, id) ?? []);
  const idByDoi = new Map(published.flatMap((record) => (record.data.doi ? [[record.data.doi.toLowerCase(), record.id] as const] : [])));
  const index = new Map<string, StatedAbout[]>();
  for (const source of published) {
    for (const { identifier, relationType } of source.data.relatedIdentifiers ?? []) {
      const targetId = isExternal(identifier) ? idByDoi.get(doiIn(identifier)?.toLowerCase() ?? '') : identifier;
      if (!targetId) continue;
      index.set(targetId, [...(index.get(targetId) ?? []), { source, relationType }]);
    }
  }
  return index;
}

function statedAbout(record: PublishedRecord, graph: CatalogGraph): StatedAbout[] {
  let index = statedIndex.get(graph);
  if (!index) {
    index = buildStatedIndex(graph);
    statedIndex.set(graph, index);
  }
  return index.get(record.id) ?? [];
}

function mirroredRelations(record: PublishedRecord, context: MetadataContext): RelatedIdentifier[] {
  return statedAbout(record, context.graph).flatMap(({ source, relationType }) => {
    const inverse = inverseRelationTypes[relationType];
    return inverse ? [{ ...recordTarget(source, context), relationType: inverse }] : [];
  });
}

/** The same relation can be stated from both ends (generatedBy and outputs) or twice (trainedOn and used). */
function unique(relations: RelatedIdentifier[]): RelatedIdentifier[] {
  const seen = new Set<string>();
  return relations.filter((relation) => {
    // DOIs are case-insensitive; URLs are not.
    const identifier = relation.relatedIdentifierType === 'DOI' ? relation.relatedIdentifier.toLowerCase() : relation.relatedIdentifier;
    const key = `${relation.relationType} ${relation.relatedIdentifierType} ${identifier}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function relatedIdentifiersOf(record: PublishedRecord, context: MetadataContext): RelatedIdentifier[] {
  return unique([...graphRelations(record, context), ...statedRelations(record, context), ...mirroredRelations(record, context)]);
}

// ---------------------------------------------------------------- dates

/** RKMS-ISO8601 range, as DataCite asks for Coverage; a missing end leaves the range open. */
function range(start: string | undefined, end: string | undefined): string | undefined {
  if (!start && !end) return undefined;
  return start === end ? start : `${start ?? ''}/${end ?? ''}`;
}

function datesOf(record: PublishedRecord): DateEntry[] {
  const { datePublished, dateModified, status } = record.data;
  const dates: DateEntry[] = [];
  if (datePublished) dates.push({ date: datePublished, dateType: 'Issued' });
  if (dateModified) dates.push({ date: dateModified, dateType: 'Updated' });
  if (record.type === 'run') dates.push({ date: record.data.startTime, dateType: 'Created' });
  if (record.type === 'project') {
    // The official project example states the project's duration as Coverage.
    const period = range(record.data.startDate, record.data.endDate);
    if (period) dates.push({ date: period, dateType: 'Coverage' });
  }
  if (record.type === 'dataset') {
    const { temporalCoverage, access } = record.data;
    const coverage = range(temporalCoverage?.start, temporalCoverage?.end);
    if (coverage) dates.push({ date: coverage, dateType: 'Coverage' });
    // DataCite: "To indicate the end of an embargo period, use Available."
    if (access?.embargoEnd) dates.push({ date: access.embargoEnd, dateType: 'Available' });
  }
  if (isWithdrawn(record) && status?.date) dates.push({ date: status.date, dateType: 'Withdrawn' });
  return dates;
}

// ---------------------------------------------------------------- files

function filesOf(record: PublishedRecord): FileEntry[] {
  switch (record.type) {
    case 'dataset':
    case 'model':
      return record.data.files ?? [];
    case 'run':
      // Outputs that are records have their own DataCite metadata; file artifacts belong to the run.
      return (record.data.outputs ?? []).filter((output): output is FileEntry => typeof output !== 'string');
    case 'project':
      return [];
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function sizesOf(files: FileEntry[]): string[] {
  if (!files.length) return [];
  const bytes = files.reduce((total, file) => total + file.size, 0);
  return [plural(bytes, 'byte'), plural(files.length, 'file')];
}

function formatsOf(files: FileEntry[]): string[] {
  return [...new Set(files.map((file) => file.mediaType))];
}

// ---------------------------------------------------------------- texts

function subjectsOf(record: PublishedRecord, lang: string): Subject[] {
  const terms = [...(record.data.keywords ?? []), ...(record.type === 'run' ? (record.data.tags ?? []) : [])];
  return [...new Set(terms)].map((subject) => ({ subject, lang }));
}

function withdrawalNote(record: PublishedRecord): string | undefined {
  if (!isWithdrawn(record)) return undefined;
  const { date, reason } = record.data.status ?? {};
  return [`This ${record.type} was withdrawn${date ? ` on ${date}` : ''}.`, reason].filter(Boolean).join(' ');
}

function modelTechnicalInfo(record: PublishedRecord): string | undefined {
  if (record.type !== 'model') return undefined;
  const { task, modelCategory, architecture, framework } = record.data;
  return [
    `Task: ${task}.`,
    modelCategory && `Model category: ${modelCategory}.`,
    architecture && `Architecture: ${architecture}.`,
    framework && `Framework: ${[framework.name, framework.version].filter(Boolean).join(' ')}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

function runMethods(record: PublishedRecord): string | undefined {
  if (record.type !== 'run') return undefined;
  const { runStatus, code, parameters } = record.data;
  const entries = Object.entries(parameters ?? {});
  return [
    `Run status: ${runStatus}.`,
    code && `Code: ${code.repository} at commit ${code.commit}${code.entryPoint ? `, entry point ${code.entryPoint}` : ''}.`,
    entries.length && `Parameters: ${entries.map(([name, value]) => `${name} = ${String(value)}`).join('; ')}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

function runEnvironment(record: PublishedRecord): string | undefined {
  if (record.type !== 'run' || !record.data.environment) return undefined;
  const { language, frameworks, hardware } = record.data.environment;
  const libraries = Object.entries(frameworks ?? {}).map(([name, version]) => `${name} ${version}`);
  const parts = [
    language && `Language: ${language}.`,
    libraries.length && `Libraries: ${libraries.join(', ')}.`,
    hardware && `Hardware: ${hardware}.`,
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

function descriptionsOf(record: PublishedRecord, lang: string): Description[] {
  const texts: [DescriptionType, string | undefined][] = [
    ['Abstract', descriptionOf(record)],
    ['Methods', record.type === 'dataset' ? record.data.measurementTechnique : runMethods(record)],
    ['TechnicalInfo', modelTechnicalInfo(record) ?? runEnvironment(record)],
    ['Other', withdrawalNote(record)],
  ];
  return texts.flatMap(([descriptionType, description]) => (description ? [{ description, descriptionType, lang }] : []));
}

// ---------------------------------------------------------------- rights, places, funding

function rightsOf(record: PublishedRecord, context: MetadataContext): Rights[] {
  const license = licenseOf(record, context);
  const rights: Rights[] = [
    license.id
      ? { rights: license.name, rightsUri: license.url, rightsIdentifier: license.id, rightsIdentifierScheme: 'SPDX', schemeUri: SPDX_SCHEME }
      : { rights: license.name, rightsUri: license.url },
  ];
  if (record.type === 'dataset' && record.data.access) {
    const { level, conditions } = record.data.access;
    const { label, uri } = accessRights[level];
    rights.push({ rights: conditions ? `${label}. ${conditions}` : label, rightsUri: uri });
  }
  return rights;
}

function geoLocationsOf(record: PublishedRecord): GeoLocation[] {
  if (record.type !== 'dataset' || !record.data.spatialCoverage) return [];
  const { name, box } = record.data.spatialCoverage;
  if (!box) return [{ geoLocationPlace: name }];
  const [south, west, north, east] = box;
  return [
    {
      geoLocationPlace: name,
      geoLocationBox: { westBoundLongitude: west, eastBoundLongitude: east, southBoundLatitude: south, northBoundLatitude: north },
    },
  ];
}

/** A project's grants fund what is part of it, so datasets, models and runs repeat the project's funding. */
function fundingOf(record: PublishedRecord, context: MetadataContext): FundingReference[] {
  const projectId = record.type === 'project' ? record.id : context.graph.outgoing(record.id, 'partOf')[0]?.to;
  const project = projectId ? context.graph.get(projectId, 'project') : undefined;
  return (project?.data.funding ?? []).flatMap(({ funder, awardNumber, awardTitle, awardUri }) => {
    const organization = resolveAgent(context, funder);
    if (!organization) return [];
    const identifier = organization.ror
      ? { funderIdentifier: organization.ror, funderIdentifierType: 'ROR' as const, schemeUri: ROR_SCHEME }
      : {};
    return [{ funderName: organization.name, ...identifier, awardNumber, awardUri, awardTitle }];
  });
}

// ---------------------------------------------------------------- resource

export function buildResource(record: PublishedRecord, context: MetadataContext): DataciteResource {
  const { language } = context.settings;
  const url = context.landingUrl(record);
  const { identifier, registered } = identifierOf(record, context);
  const files = filesOf(record);
  return {
    identifier,
    registered,
    url,
    creators: creatorsOf(record, context).map(creatorOf),
    titles: [{ title: record.data.title, lang: language }],
    publisher: publisherFor(context),
    publicationYear: Number(publicationYear(record)),
    types: { ...resourceTypes[record.type] },
    subjects: subjectsOf(record, language),
    contributors: contributorsOf(record, context),
    dates: datesOf(record),
    language,
    // The landing page, unless it already is the identifier.
    alternateIdentifiers: identifier.identifierType === 'URL' ? [] : [{ alternateIdentifier: url, alternateIdentifierType: 'URL' }],
    relatedIdentifiers: relatedIdentifiersOf(record, context),
    sizes: sizesOf(files),
    formats: formatsOf(files),
    version: record.data.version,
    rightsList: rightsOf(record, context),
    descriptions: descriptionsOf(record, language),
    geoLocations: geoLocationsOf(record),
    fundingReferences: fundingOf(record, context),
  };
}

export type { PublishedRecord, MetadataContext };
