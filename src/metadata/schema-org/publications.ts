/**
 * A record's papers as schema.org ScholarlyArticles, each under the property
 * its DataCite relation maps to (relatedProperty): what the record builds on
 * is its citation, a paper reporting it is subjectOf, one citing it
 * dct:isReferencedBy (schema.org has no inverse of citation).
 */
import { doiUrl } from '../../schema/common/identifiers.ts';
import { publicationsOf, type ResolvedPublication } from '../common/publications.ts';
import type { PublishedRecord } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { publicationRelationTypes } from '../datacite/vocabulary.ts';
import { doiIdentifier, type Properties } from './citable.ts';
import { node, type JsonLdNode } from './jsonld.ts';
import { relatedProperty } from './vocabulary.ts';

function articleNode(publication: ResolvedPublication): JsonLdNode | undefined {
  const { doi, url, title } = publication;
  if (doi) return node({ '@id': doiUrl(doi), '@type': 'ScholarlyArticle', name: title, identifier: doiIdentifier(doi) });
  return url ? node({ '@id': url, '@type': 'ScholarlyArticle', name: title, url }) : undefined;
}

export function publicationProperties(record: PublishedRecord, context: MetadataContext): Properties {
  const properties: Record<string, JsonLdNode[]> = {};
  for (const publication of publicationsOf(record, context)) {
    const article = articleNode(publication);
    if (article) (properties[relatedProperty(publicationRelationTypes[publication.relation])] ??= []).push(article);
  }
  return properties;
}
