/**
 * Every machine-readable file of the site besides the HTML pages: each record's
 * exports and the site-level sitemap, robots.txt, catalog and feed. Written in
 * one pass after the build, and served from the same table by the dev server,
 * since Astro endpoints would cost a millisecond per file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { catalogDocument } from '../metadata/dcat/catalog.ts';
import { atomFeed, FEED_FILE } from '../metadata/feed/index.ts';
import { serializersFor } from '../metadata/index.ts';
import { robotsTxt, SITEMAP_FILE, sitemapXml } from '../metadata/sitemap/index.ts';
import { redirectPage, redirectsOf } from './redirects.ts';
import type { Site } from './site.ts';
import { landingPath } from './urls.ts';

export interface SiteFile {
  /** Site-relative path, e.g. /datasets/fashion-mnist/datacite.xml. */
  path: string;
  mediaType: string;
  render(): string;
}

export const CATALOG_FILE = 'catalog.jsonld';

export function* siteFiles(site: Site): Generator<SiteFile> {
  const { context, published } = site;
  for (const record of published) {
    for (const serializer of serializersFor(record)) {
      yield {
        path: `${landingPath(record.type, record.id)}${serializer.fileName}`,
        mediaType: serializer.mediaType,
        render: () => serializer.render(serializer.build(record, context)),
      };
    }
  }
  const pages = [...site.catalog.records.values()];
  for (const redirect of redirectsOf(pages, context)) {
    yield { path: `${redirect.from}index.html`, mediaType: 'text/html', render: () => redirectPage(redirect) };
  }
  yield { path: `/${SITEMAP_FILE}`, mediaType: 'application/xml', render: () => sitemapXml(pages, context, (record) => site.lastModified(record)) };
  yield { path: '/robots.txt', mediaType: 'text/plain', render: () => robotsTxt(context) };
  yield { path: `/${CATALOG_FILE}`, mediaType: 'application/ld+json', render: () => `${JSON.stringify(catalogDocument(published, context), null, 2)}\n` };
  yield { path: `/${FEED_FILE}`, mediaType: 'application/atom+xml', render: () => atomFeed(published, context) };
}

/** Writes every site file under the build's output folder; returns how many. */
export function writeSiteFiles(site: Site, outDir: string): number {
  let count = 0;
  const folders = new Set<string>();
  for (const file of siteFiles(site)) {
    const target = join(outDir, file.path);
    const folder = dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(target, file.render());
    count++;
  }
  return count;
}

/** Finds the site file for a request path (dev server). */
export function findSiteFile(site: Site, path: string): SiteFile | undefined {
  for (const file of siteFiles(site)) if (file.path === path) return file;
  return undefined;
}
