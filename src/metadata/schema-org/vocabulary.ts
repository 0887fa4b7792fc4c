/**
 * The words of the landing-page JSON-LD: its context and the tables that map
 * Heliograph's values onto schema.org, FAIR4ML, PROV, DCMI and COAR terms.
 */
import type { RecordType } from '../../schema/index.ts';
import type { Run } from '../../schema/run.ts';
import type { Dataset } from '../../schema/dataset.ts';
import { vocabulary } from '../../schema/vocabularies.ts';

/**
 * "https://schema.org" (which expands to http://schema.org/, kept as it is:
 * harvesters match that form) plus the prefixes of the other vocabularies.
 * Every term used must expand; the tests check that nothing is dropped.
 */
export const SCHEMA_ORG_CONTEXT = [
  'https://schema.org',
  {
    fair4ml: 'https://w3id.org/fair4ml#',
    prov: 'http://www.w3.org/ns/prov#',
    dct: 'http://purl.org/dc/terms/',
    dcat: 'http://www.w3.org/ns/dcat#',
    spdx: 'http://spdx.org/rdf/terms#',
    bioschemas: 'https://bioschemas.org/',
  },
] as const;

/** The JSON-LD context as a mutable JSON value. */
export function schemaOrgContext(): [string, Record<string, string>] {
  return [SCHEMA_ORG_CONTEXT[0], { ...SCHEMA_ORG_CONTEXT[1] }];
}

/** Models are also Datasets so that Google Dataset Search indexes them. */
export const recordTypeNames: Record<Exclude<RecordType, 'person' | 'organization'>, string | string[]> = {
  project: 'ResearchProject',
  dataset: 'Dataset',
  model: ['fair4ml:MLModel', 'Dataset'],
  run: ['CreateAction', 'prov:Activity'],
  software: 'SoftwareSourceCode',
  // Bioschemas' ComputationalWorkflow; a HowTo too, as its steps are HowToSteps (RO-Crate's workflow conventions).
  workflow: ['SoftwareSourceCode', 'bioschemas:ComputationalWorkflow', 'HowTo'],
  instrument: 'IndividualProduct',
};

/** schema.org has no "killed": a run stopped before it finished did not complete, so it failed. */
export const actionStatus: Record<Run['runStatus'], string> = {
  finished: 'http://schema.org/CompletedActionStatus',
  failed: 'http://schema.org/FailedActionStatus',
  killed: 'http://schema.org/FailedActionStatus',
  running: 'http://schema.org/ActiveActionStatus',
};

type AccessLevel = NonNullable<Dataset['access']>['level'];

/** COAR access rights, the IRIs FAIR assessment tools recognise as an access statement. */
export const accessRights: Record<AccessLevel, string> = {
  open: 'http://purl.org/coar/access_right/c_abf2',
  embargoed: 'http://purl.org/coar/access_right/c_f1cf',
  restricted: 'http://purl.org/coar/access_right/c_16ec',
};

/** What is left of a withdrawn record: its metadata, the tombstone page. */
export const withdrawnAccessRights = 'http://purl.org/coar/access_right/c_14cb';

type RelationType = (typeof vocabulary.relationType)[number];

/**
 * The property stating a DataCite relation in schema.org words where
 * schema.org has one, else in DCMI terms; what neither names stays a plain
 * dct:relation rather than being lost.
 */
const relatedProperties: Partial<Record<RelationType, string>> = {
  Cites: 'citation',
  References: 'citation',
  IsCitedBy: 'dct:isReferencedBy',
  IsReferencedBy: 'dct:isReferencedBy',
  IsPartOf: 'isPartOf',
  HasPart: 'hasPart',
  IsDerivedFrom: 'isBasedOn',
  IsNewVersionOf: 'isBasedOn',
  IsVersionOf: 'exampleOfWork',
  HasVersion: 'workExample',
  IsDescribedBy: 'subjectOf',
  IsDocumentedBy: 'subjectOf',
  Describes: 'about',
  Documents: 'about',
  IsIdenticalTo: 'sameAs',
  Requires: 'dct:requires',
  IsRequiredBy: 'dct:isRequiredBy',
  Obsoletes: 'dct:replaces',
  IsObsoletedBy: 'dct:isReplacedBy',
  IsPreviousVersionOf: 'dct:isReplacedBy',
  IsPublishedIn: 'isPartOf',
  IsVariantFormOf: 'dct:isFormatOf',
  IsOriginalFormOf: 'dct:hasFormat',
};

export function relatedProperty(relationType: string): string {
  return relatedProperties[relationType as RelationType] ?? 'dct:relation';
}

/** Digest algorithms as SPDX names them, for spdx:checksum (DCAT-AP's checksum form). */
export const checksumAlgorithms = {
  sha256: 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256',
  md5: 'http://spdx.org/rdf/terms#checksumAlgorithm_md5',
} as const;
