/**
 * The site's catalog.jsonld: one document that is both a schema.org
 * DataCatalog (what Google Dataset Search reads) and a DCAT Catalog (what
 * data portals such as CKAN and data.europa.eu harvest). Each dataset node
 * carries both vocabularies, so the two readings describe the same nodes.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import { doiUrl } from '../../schema/common/identifiers.ts';
import { isWithdrawn, licenseOf, publicationDate, publisherOf, type PublishedRecord } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { agentNode } from '../schema-org/agents.ts';
import { registeredDoi } from '../schema-org/citable.ts';
import { datasetProperties } from '../schema-org/dataset.ts';
import { fileNode } from '../schema-org/files.ts';
import { node, ref, slug, type JsonLdNode } from '../schema-org/jsonld.ts';
import { recordNode } from '../schema-org/references.ts';
import { schemaOrgContext } from '../schema-org/vocabulary.ts';
import type { FileEntry } from '../../schema/index.ts';

export type CatalogDocument = JsonLdNode & {
  '@context': ReturnType<typeof schemaOrgContext>;
  '@id': string;
  '@type': string[];
};

/** Dates typed as DCAT expects them: xsd:date, or xsd:dateTime where a time is given. */
function dcatDate(value: string | undefined): JsonLdNode | undefined {
  if (!value) return undefined;
  return { '@value': value, '@type': value.length > 10 ? 'xsd:dateTime' : 'xsd:date' };
}

/** DCAT-AP names media types by their IANA registry IRI. */
function mediaTypeIri(mediaType: string): string {
  return `https://www.iana.org/assignments/media-types/${mediaType.split(';')[0]!.trim().toLowerCase()}`;
}

function distributionNode(file: FileEntry, landing: string): JsonLdNode {
  return fileNode(file, {
    '@id': `${landing}#distribution-${slug(file.name)}`,
    '@type': ['DataDownload', 'dcat:Distribution'],
    'dct:title': file.name,
    'dct:description': file.description,
    'dcat:downloadURL': ref(file.url),
    'dcat:accessURL': ref(file.url),
    'dcat:mediaType': ref(mediaTypeIri(file.mediaType)),
    'dcat:byteSize': { '@value': String(file.size), '@type': 'xsd:nonNegativeInteger' },
  });
}

/** A dataset as schema.org Dataset and dcat:Dataset at once; a withdrawn one keeps no distributions. */
function datasetNode(record: CatalogRecord<'dataset'>, context: MetadataContext): JsonLdNode {
  const landing = context.landingUrl(record);
  const distributions = isWithdrawn(record) ? [] : (record.data.files ?? []).map((file) => distributionNode(file, landing));
  const doi = registeredDoi(record, context);
  return node({
    ...datasetProperties(record, context),
    '@type': ['Dataset', 'dcat:Dataset'],
    distribution: distributions,
    'dcat:distribution': distributions.map((distribution) => ref(String(distribution['@id']))),
    'dct:title': record.data.title,
    'dct:description': record.data.description,
    'dct:identifier': doi && doiUrl(doi),
    'dct:issued': dcatDate(publicationDate(record)),
    'dct:modified': dcatDate(record.data.dateModified),
    'dct:license': ref(licenseOf(record, context).url),
    'dcat:landingPage': ref(landing),
    'dcat:keyword': record.data.keywords,
    'dcat:version': record.data.version,
  });
}

export function catalogDocument(records: readonly PublishedRecord[], context: MetadataContext): CatalogDocument {
  const home = context.url('/');
  const { settings } = context;
  const publisher = publisherOf(context);
  const license = `https://spdx.org/licenses/${settings.license}`;
  const datasets = records.filter((record): record is CatalogRecord<'dataset'> => record.type === 'dataset');
  const others = records.filter((record) => record.type === 'project' || record.type === 'model');
  return {
    '@context': schemaOrgContext(),
    '@id': home,
    '@type': ['DataCatalog', 'dcat:Catalog'],
    ...node({
      name: settings.title,
      description: settings.description,
      url: home,
      inLanguage: settings.language,
      license,
      publisher: publisher && agentNode(publisher),
      'dct:title': settings.title,
      'dct:description': settings.description,
      'dct:license': ref(license),
      'dct:publisher': publisher && ref(publisher.pageUrl),
      'foaf:homepage': ref(home),
      dataset: datasets.map((record) => datasetNode(record, context)),
      'dcat:dataset': datasets.map((record) => ref(context.landingUrl(record))),
      hasPart: others.map((record) => recordNode(record, context)),
    }),
  };
}
