/** sitemap.xml (sitemaps.org 0.9) listing every landing page, and robots.txt naming it. */
import { create } from 'xmlbuilder2';
import type { AnyRecord } from '../../catalog/load.ts';
import type { MetadataContext } from '../context.ts';

export const SITEMAP_FILE = 'sitemap.xml';

/** `lastModified` gives each record's last change as YYYY-MM-DD (see Site.lastModified). */
export function sitemapXml(records: readonly AnyRecord[], context: MetadataContext, lastModified: (record: AnyRecord) => string): string {
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
