/**
 * Everything a landing page puts in <head> for machines: canonical URL,
 * FAIR Signposting links, Highwire (Google Scholar) and Dublin Core tags,
 * Open Graph, and the embedded schema.org JSON-LD.
 */
import { creatorsOf, descriptionOf, publicationDate, publisherOf, type PublishedRecord } from '../metadata/common/record-facts.ts';
import { exportStructure, schemaOrg, schemaOrgType, serializersFor } from '../metadata/index.ts';
import { jsonLdScript } from '../metadata/schema-org/index.ts';
import { signpostingLinks, type TypedLink } from '../metadata/signposting/links.ts';
import { doiUrl } from '../schema/common/identifiers.ts';
import type { MetadataContext } from '../metadata/context.ts';
import type { Site } from '../site/site.ts';

export interface MetaTag {
  name?: string;
  property?: string;
  content: string;
}

export interface HeadData {
  title: string;
  description: string;
  canonical: string;
  links: TypedLink[];
  meta: MetaTag[];
  /** Serialized JSON-LD, safe to place inside a <script> element. */
  jsonLd?: string;
}

function highwireTags(record: PublishedRecord, site: Site): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'citation_title', content: record.data.title }];
  for (const creator of creatorsOf(record, site.context)) tags.push({ name: 'citation_author', content: creator.familyName ? `${creator.familyName}, ${creator.givenName ?? ''}`.trim() : creator.name });
  const date = publicationDate(record);
  if (date) tags.push({ name: 'citation_publication_date', content: date.replaceAll('-', '/') });
  const publisher = publisherOf(site.context);
  if (publisher) tags.push({ name: 'citation_publisher', content: publisher.name });
  if (record.data.doi) {
    tags.push({ name: 'citation_doi', content: record.data.doi }, { name: 'DC.identifier', content: doiUrl(record.data.doi) });
  }
  for (const keyword of record.data.keywords ?? []) tags.push({ name: 'citation_keywords', content: keyword });
  return tags;
}

/** The page's JSON-LD, serialized to be safe inside a <script> element: computed beside the page (page parts), since it costs as much as the rest of the head. */
export function schemaOrgScript(record: PublishedRecord, context: MetadataContext): string {
  return jsonLdScript(exportStructure(record, schemaOrg, context));
}

export function recordHead(record: PublishedRecord, site: Site, jsonLd: string): HeadData {
  const { context } = site;
  const description = descriptionOf(record);
  const canonical = context.landingUrl(record);
  return {
    title: record.data.title,
    description,
    canonical,
    links: signpostingLinks({ record, context, exports: serializersFor(record), schemaOrgType: schemaOrgType(record) }),
    meta: [
      ...highwireTags(record, site),
      { name: 'description', content: description },
      { property: 'og:type', content: 'website' },
      { property: 'og:title', content: record.data.title },
      { property: 'og:description', content: description },
      { property: 'og:url', content: canonical },
      { property: 'og:site_name', content: site.settings.title },
    ],
    jsonLd,
  };
}

/** Head of pages that are not records (home, listings, people). */
export function plainHead(site: Site, title: string, path: string, description = site.settings.description): HeadData {
  const canonical = site.context.url(path);
  return {
    title,
    description,
    canonical,
    links: [],
    meta: [
      { name: 'description', content: description },
      { property: 'og:type', content: 'website' },
      { property: 'og:title', content: title },
      { property: 'og:url', content: canonical },
      { property: 'og:site_name', content: site.settings.title },
    ],
  };
}
