/**
 * The Croissant document as this serializer writes it, typed so that code
 * and tests can read it back without walking untyped JSON.
 */
import type { JsonLdNode } from '../schema-org/jsonld.ts';
import type { CroissantContext } from './context.ts';

export type IdReference = { '@id': string };

/**
 * A distribution entry. The catalog's files are FileObjects with every
 * property; entries kept from an imported Croissant file (croissantDistribution)
 * may be FileSets, or lack a size or a web URL, as their source did.
 */
export interface CroissantFileObject {
  '@type': 'cr:FileObject' | 'cr:FileSet';
  /** Local id, referenced by fields' sources. */
  '@id': string;
  name: string;
  description?: string;
  contentUrl?: string;
  encodingFormat: string;
  /** Bytes, with the unit written out, as MLCommons' examples do ("8813 B"). */
  contentSize?: string;
  sha256?: string;
  md5?: string;
  containedIn?: IdReference[];
  includes?: string[];
}

export interface CroissantField {
  '@type': 'cr:Field';
  '@id': string;
  name: string;
  description?: string;
  /** A schema.org data type, e.g. "sc:Integer". */
  dataType: string;
  source: {
    fileObject?: IdReference;
    fileSet?: IdReference;
    extract?: { column: string };
  };
}

export interface CroissantRecordSet {
  '@type': 'cr:RecordSet';
  '@id': string;
  name: string;
  description?: string;
  field: CroissantField[];
}

export interface CroissantDataset {
  '@context': CroissantContext;
  '@type': 'sc:Dataset';
  /** Croissant 1.1, and RAI 1.0 when the dataset states responsible-AI facts. */
  conformsTo: string | string[];
  name: string;
  description: string;
  license: string;
  url: string;
  creator: JsonLdNode[];
  datePublished: string;
  dateModified?: string;
  version?: string;
  keywords?: string[];
  inLanguage?: string;
  /** The DOI URL (or landing page) to cite. */
  citeAs?: string;
  identifier?: string;
  sameAs?: string;
  publisher?: JsonLdNode;
  isAccessibleForFree?: boolean;
  conditionsOfAccess?: string;
  'prov:wasDerivedFrom'?: IdReference[];
  'prov:wasGeneratedBy'?: IdReference;
  [raiTerm: `rai:${string}`]: string | string[];
  distribution: CroissantFileObject[];
  recordSet?: CroissantRecordSet[];
}
