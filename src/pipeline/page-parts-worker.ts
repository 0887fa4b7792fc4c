/**
 * Worker thread of a build: for the plan's records, chunk by chunk in page
 * order, computes the page parts the main thread awaits, then writes the
 * chunk's exports, so that neither citeproc nor file writing holds up page
 * rendering on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PublishedRecord } from '../metadata/types.ts';
import { openValidatedSite } from '../site/site.ts';
import { cacheFolder, openCitationCache } from './citation-cache.ts';
import { computePageParts, type PageParts } from './page-parts.ts';
import { writeRecordExports } from './site-files.ts';

export interface PagePartsTask {
  folder: string;
  /** Record ids, chunk by chunk in page order. */
  chunks: string[][];
  outDir: string;
  /** Which citation cache file this worker reads and rewrites. */
  cacheName: string;
}

export type PagePartsMessage = { kind: 'parts'; entries: [string, PageParts][] } | { kind: 'done'; files: number; cachedCitations: number };

const { folder, chunks, outDir, cacheName } = workerData as PagePartsTask;
const site = openValidatedSite(folder);
const cache = openCitationCache(cacheFolder(), cacheName);
let files = 0;
for (const ids of chunks) {
  const chunk = ids.map((id) => site.catalog.records.get(id) as PublishedRecord);
  const parts = await computePageParts(chunk, site, cache);
  parentPort!.postMessage({ kind: 'parts', entries: [...parts] } satisfies PagePartsMessage);
  files += await writeRecordExports(chunk, site.context, outDir);
}
cache.save();
parentPort!.postMessage({ kind: 'done', files, cachedCitations: cache.hits } satisfies PagePartsMessage);
