/**
 * DataCite Metadata Schema 4.7 XML: the kernel document DataCite's MDS API
 * registers and OAI-PMH harvesters read. The content comes from
 * buildResource(); this module only writes it as XML, elements in the order of
 * metadata.xsd (the top level is an xs:all, but creator, contributor and
 * geoLocation children are sequences, and a stable order keeps diffs small).
 */
import { create } from 'xmlbuilder2';
import type { Serializer } from '../types.ts';
import {
  buildResource,
  DATACITE_NAMESPACE,
  DATACITE_SCHEMA_LOCATION,
  type Affiliation,
  type Contributor,
  type Creator,
  type DataciteResource,
  type FundingReference,
  type GeoLocation,
  type NameIdentifier,
} from './resource.ts';

const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * xmlbuilder2's object notation: "@name" is an attribute, "#" the text, an
 * array repeats the element. Undefined attributes are left out by xmlbuilder2.
 */
type XmlValue = string | number | XmlElement | XmlValue[];
interface XmlElement {
  [key: string]: XmlValue | undefined;
}

/** A wrapper element (creators, dates, …) holding repeated children, or nothing when there are none. */
function list<T>(child: string, items: readonly T[], render: (item: T) => XmlValue): XmlElement | undefined {
  return items.length ? { [child]: items.map(render) } : undefined;
}

function nameIdentifier({ nameIdentifier, nameIdentifierScheme, schemeUri }: NameIdentifier): XmlElement {
  return { '@nameIdentifierScheme': nameIdentifierScheme, '@schemeURI': schemeUri, '#': nameIdentifier };
}

function affiliation({ name, affiliationIdentifier, affiliationIdentifierScheme, schemeUri }: Affiliation): XmlElement {
  return {
    '@affiliationIdentifier': affiliationIdentifier,
    '@affiliationIdentifierScheme': affiliationIdentifierScheme,
    '@schemeURI': schemeUri,
    '#': name,
  };
}

/** creator and contributor share their children; only the name element differs. */
function agent(nameElement: 'creatorName' | 'contributorName', person: Creator): XmlElement {
  return {
    [nameElement]: { '@nameType': person.nameType, '#': person.name },
    givenName: person.givenName,
    familyName: person.familyName,
    nameIdentifier: person.nameIdentifiers.map(nameIdentifier),
    affiliation: person.affiliation.map(affiliation),
  };
}

function contributor(person: Contributor): XmlElement {
  return { '@contributorType': person.contributorType, ...agent('contributorName', person) };
}

function geoLocation({ geoLocationPlace, geoLocationBox }: GeoLocation): XmlElement {
  return { geoLocationPlace, geoLocationBox: geoLocationBox && { ...geoLocationBox } };
}

function fundingReference(funding: FundingReference): XmlElement {
  const { funderName, funderIdentifier, funderIdentifierType, schemeUri, awardNumber, awardUri, awardTitle } = funding;
  return {
    funderName,
    funderIdentifier: funderIdentifier && { '@funderIdentifierType': funderIdentifierType, '@schemeURI': schemeUri, '#': funderIdentifier },
    // awardURI is an attribute of awardNumber, so a URI without a number still needs the element.
    awardNumber: awardNumber || awardUri ? { '@awardURI': awardUri, '#': awardNumber ?? '' } : undefined,
    awardTitle,
  };
}

export function resourceToXml(resource: DataciteResource): XmlElement {
  const r = resource;
  return {
    '@xmlns': DATACITE_NAMESPACE,
    '@xmlns:xsi': XSI_NAMESPACE,
    '@xsi:schemaLocation': `${DATACITE_NAMESPACE} ${DATACITE_SCHEMA_LOCATION}`,
    identifier: { '@identifierType': r.identifier.identifierType, '#': r.identifier.identifier },
    creators: list('creator', r.creators, (creator) => agent('creatorName', creator)),
    titles: list('title', r.titles, ({ title, lang }) => ({ '@xml:lang': lang, '#': title })),
    publisher: {
      '@publisherIdentifier': r.publisher.publisherIdentifier,
      '@publisherIdentifierScheme': r.publisher.publisherIdentifierScheme,
      '@schemeURI': r.publisher.schemeUri,
      '#': r.publisher.name,
    },
    publicationYear: String(r.publicationYear),
    resourceType: { '@resourceTypeGeneral': r.types.resourceTypeGeneral, '#': r.types.resourceType },
    subjects: list('subject', r.subjects, ({ subject, lang }) => ({ '@xml:lang': lang, '#': subject })),
    contributors: list('contributor', r.contributors, contributor),
    dates: list('date', r.dates, ({ date, dateType, dateInformation }) => ({ '@dateType': dateType, '@dateInformation': dateInformation, '#': date })),
    language: r.language,
    alternateIdentifiers: list('alternateIdentifier', r.alternateIdentifiers, (alternate) => ({
      '@alternateIdentifierType': alternate.alternateIdentifierType,
      '#': alternate.alternateIdentifier,
    })),
    relatedIdentifiers: list('relatedIdentifier', r.relatedIdentifiers, (related) => ({
      '@relatedIdentifierType': related.relatedIdentifierType,
      '@relationType': related.relationType,
      '@resourceTypeGeneral': related.resourceTypeGeneral,
      '#': related.relatedIdentifier,
    })),
    sizes: list('size', r.sizes, (size) => size),
    formats: list('format', r.formats, (format) => format),
    version: r.version,
    rightsList: list('rights', r.rightsList, (rights) => ({
      '@rightsURI': rights.rightsUri,
      '@rightsIdentifier': rights.rightsIdentifier,
      '@rightsIdentifierScheme': rights.rightsIdentifierScheme,
      '@schemeURI': rights.schemeUri,
      '#': rights.rights,
    })),
    descriptions: list('description', r.descriptions, ({ description, descriptionType, lang }) => ({
      '@descriptionType': descriptionType,
      '@xml:lang': lang,
      '#': description,
    })),
    geoLocations: list('geoLocation', r.geoLocations, geoLocation),
    fundingReferences: list('fundingReference', r.fundingReferences, fundingReference),
  };
}

export function renderDataciteXml(resource: DataciteResource): string {
  // Characters XML 1.0 cannot carry (control characters pasted into YAML) are
  // dropped rather than written, which would make the whole file unparseable.
  const document = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' }, { resource: resourceToXml(resource) });
  return `${document.end({ prettyPrint: true })}\n`;
}

export const dataciteXml: Serializer<DataciteResource> = {
  id: 'datacite-xml',
  label: 'DataCite XML 4.7',
  fileName: 'datacite.xml',
  mediaType: 'application/vnd.datacite.datacite+xml',
  profile: DATACITE_NAMESPACE,
  appliesTo: () => true,
  build: buildResource,
  render: renderDataciteXml,
};
