/** sitemap.xml (sitemaps.org 0.9) listing every landing page, and robots.txt naming it. */
import { statSync } from 'node:fs';
import { create } from 'xmlbuilder2';
import type { AnyRecord } from '../../catalog/load.ts';
import type { MetadataContext } from '../context.ts';
import { publicationDate, type PublishedRecord } from '../common/record-facts.ts';

export const SITEMAP_FILE = 'sitemap.xml';

/** The last change we can state: the record's own dates, else when its file last changed. */
export function lastModified(record: AnyRecord): string {
  if ('dateModified' in record.data && record.data.dateModified) return record.data.dateModified;
  const published = record.type === 'person' || record.type === 'organization' ? undefined : publicationDate(record as PublishedRecord);
  return published ?? statSync(record.path).mtime.toISOString().slice(0, 10);
}

export function sitemapXml(records: readonly AnyRecord[], context: MetadataContext): string {
  const urlset = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://www.sitemaps.org/schemas/sitemap/0.9', 'urlset');
  for (const record of records) {
    const entry = urlset.ele('url');
    entry.ele('loc').txt(context.landingUrl(record));
    entry.ele('lastmod').txt(lastModified(record));
  }
  return urlset.end({ prettyPrint: true });
}

export function robotsTxt(context: MetadataContext): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${context.url(SITEMAP_FILE)}\n`;
}
