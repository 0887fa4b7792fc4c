/**
 * The DataCite resource as one structure: what both exports render. Property
 * names follow DataCite's JSON (schemeUri, rightsUri, awardUri, lang); the XML
 * renderer maps them to the XML attribute names.
 */
export const DATACITE_NAMESPACE = 'http://datacite.org/schema/kernel-4';
export const DATACITE_SCHEMA_LOCATION = 'https://schema.datacite.org/meta/kernel-4.7/metadata.xsd';

/** Scheme URIs of the identifiers DataCite names. */
export const SCHEMES = { orcid: 'https://orcid.org', ror: 'https://ror.org', spdx: 'https://spdx.org/licenses/' } as const;

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

export type DateType = 'Available' | 'Coverage' | 'Created' | 'Issued' | 'Other' | 'Updated' | 'Withdrawn';

export interface DateEntry {
  date: string;
  dateType: DateType;
  /** What a date of type Other is, e.g. Commissioned. */
  dateInformation?: string;
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
