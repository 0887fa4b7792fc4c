/**
 * One record as a DataCite Metadata Schema 4.7 resource. Both DataCite exports
 * render this structure: the XML kernel (xml.ts) and the REST API payload
 * (json.ts), so they cannot disagree.
 */
import { creatorsOf, publicationYear, type PublishedRecord } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import type { DataciteResource } from './types.ts';
import { resourceTypes } from './vocabulary.ts';
import { contributorsOf, creatorOf, publisherFor } from './agents.ts';
import { identifierOf, relatedIdentifiersOf } from './related-identifiers.ts';
import { instrumentAlternateIdentifiers } from './instrument.ts';
import { datesOf, descriptionsOf, filesOf, formatsOf, fundingOf, geoLocationsOf, rightsOf, sizesOf, subjectsOf } from './descriptive.ts';

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
    alternateIdentifiers: [
      ...(identifier.identifierType === 'URL' ? [] : [{ alternateIdentifier: url, alternateIdentifierType: 'URL' }]),
      ...instrumentAlternateIdentifiers(record),
    ],
    relatedIdentifiers: relatedIdentifiersOf(record, context),
    sizes: sizesOf(files),
    formats: formatsOf(files),
    version: record.data.version,
    rightsList: rightsOf(record, context),
    descriptions: descriptionsOf(record, language, context),
    geoLocations: geoLocationsOf(record),
    fundingReferences: fundingOf(record, context),
  };
}

export * from './types.ts';
export { relationTypes, resourceTypes } from './vocabulary.ts';
