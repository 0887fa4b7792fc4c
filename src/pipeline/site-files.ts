/**
 * Every machine-readable file of the site besides the HTML pages: each record's
 * exports, and the files that span the site (sitemap, robots.txt, catalog,
 * feed, redirects). Written from the core, not by Astro endpoints (a
 * millisecond per file), and served from the same tables by the dev server.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { MetadataContext } from '../metadata/context.ts';
import { catalogDocument } from '../metadata/dcat/catalog.ts';
import { atomFeed, FEED_FILE } from '../metadata/feed/index.ts';
import { exportText, serializersFor } from '../metadata/index.ts';
import type { PublishedRecord } from '../metadata/types.ts';
import { headersFile, HEADERS_FILE } from '../metadata/signposting/headers.ts';
import { robotsTxt, SITEMAP_FILE, sitemapXml } from '../metadata/sitemap/index.ts';
import { keptFiles } from '../catalog/kept-files.ts';
import { landingPath } from '../catalog/urls.ts';
import type { Site } from '../site/site.ts';
import { redirectPage, redirectsOf } from './redirects.ts';

export interface SiteFile {
  /** Site-relative path, e.g. /datasets/fashion-mnist/datacite.xml. */
  path: string;
  mediaType: string;
  /** Text, or the bytes of a file kept in the catalog. */
  render(): string | Buffer;
}

export const CATALOG_FILE = 'catalog.jsonld';

export function* recordExports(record: PublishedRecord, context: MetadataContext): Generator<SiteFile> {
  for (const serializer of serializersFor(record)) {
    yield {
      path: `${landingPath(record.type, record.id)}${serializer.fileName}`,
      mediaType: serializer.mediaType,
      render: () => exportText(record, serializer, context),
    };
  }
}

/** The files that describe the whole site: written once, by a whole build or the merge of shards. */
export function* siteWideFiles(site: Site): Generator<SiteFile> {
  const { context, published } = site;
  const pages = [...site.catalog.records.values()];
  for (const redirect of redirectsOf(pages, context)) {
    yield { path: `${redirect.from}index.html`, mediaType: 'text/html', render: () => redirectPage(redirect) };
  }
  yield { path: `/${SITEMAP_FILE}`, mediaType: 'application/xml', render: () => sitemapXml(pages, context, (record) => site.lastModified(record)) };
  yield { path: '/robots.txt', mediaType: 'text/plain', render: () => robotsTxt(context) };
  yield { path: `/${CATALOG_FILE}`, mediaType: 'application/ld+json', render: () => `${JSON.stringify(catalogDocument(published, context), null, 2)}\n` };
  yield { path: `/${FEED_FILE}`, mediaType: 'application/atom+xml', render: () => atomFeed(published, context) };
  yield { path: `/${HEADERS_FILE}`, mediaType: 'text/plain', render: () => headersFile(published, context) };
}

/**
 * Creates each folder once. Synchronously: a recursive mkdir through fs/promises
 * costs about 0.2 ms of CPU a call, the synchronous one 10 µs (measured on 12,000
 * folders), and at one folder a record it was 7 % of the export worker's time.
 */
function folderMaker(): (folder: string) => void {
  const made = new Set<string>();
  return (folder) => {
    if (made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  };
}

/** Writes one file: in the background on the main thread, blocking in a worker. */
type FileWriter = (target: string, content: string | Buffer) => void | Promise<void>;

/** Writes files under the build's output folder; returns how many. */
export async function writeSiteFiles(files: Iterable<SiteFile>, outDir: string, write: FileWriter = writeFile): Promise<number> {
  const makeFolder = folderMaker();
  const writes: (void | Promise<void>)[] = [];
  for (const file of files) {
    const target = join(outDir, file.path);
    makeFolder(dirname(target));
    writes.push(write(target, file.render()));
  }
  await Promise.all(writes);
  return writes.length;
}

/**
 * Writes the records' exports and copies the files they keep in the catalog;
 * returns how many files. For the export worker, whose writes block nothing
 * else: synchronous writes cost far less CPU than as many concurrent ones
 * (12,000 files on ext4: 0.3 s against 0.9–4.9 s, mostly kernel time of the
 * threads that contend for the same folders).
 */
export async function writeRecordExports(records: PublishedRecord[], context: MetadataContext, outDir: string): Promise<number> {
  const written = await writeSiteFiles(records.flatMap((record) => [...recordExports(record, context)]), outDir, writeFileSync);
  const kept = records.flatMap(keptFiles);
  const makeFolder = folderMaker();
  for (const { source, sitePath } of kept) {
    const target = join(outDir, sitePath);
    makeFolder(dirname(target));
    copyFileSync(source, target);
  }
  return written + kept.length;
}

/** Finds the site file for a request path (dev server). */
export function findSiteFile(site: Site, path: string): SiteFile | undefined {
  for (const record of site.published) {
    for (const file of recordExports(record, site.context)) if (file.path === path) return file;
    const kept = keptFiles(record).find((file) => file.sitePath === path);
    if (kept) return { path, mediaType: kept.entry.mediaType, render: () => readFileSync(kept.source) };
  }
  for (const file of siteWideFiles(site)) if (file.path === path) return file;
  return undefined;
}
