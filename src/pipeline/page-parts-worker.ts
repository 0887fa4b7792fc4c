/**
 * Worker thread of a build: for the plan's records, chunk by chunk in page
 * order, computes the page parts the main thread awaits, then writes the
 * chunk's exports, so that neither citeproc nor file writing holds up page
 * rendering on the main thread. It skips the chunks the main thread took.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PublishedRecord } from '../metadata/types.ts';
import { openSnapshotSite, type CatalogSnapshot } from '../site/site.ts';
import { cacheFolder, openCitationCache } from './citation-cache.ts';
import { computePageParts, takeChunk, type PageParts } from './page-parts.ts';
import { writeRecordExports } from './site-files.ts';

export interface PagePartsTask {
  /** The catalog as the main thread checked it. */
  catalog: CatalogSnapshot;
  /** Record ids, chunk by chunk in page order. */
  chunks: string[][];
  /** One slot a chunk, shared with the main thread: see takeChunk. */
  claims: Int32Array;
  outDir: string;
  /** Which citation cache file this worker reads and rewrites. */
  cacheName: string;
}

export interface PagePartsDone {
  kind: 'done';
  files: number;
  cachedCitations: number;
  /** The citation cache entries this worker used, for the main thread to save with its own. */
  citations: [string, string[]][];
}

export type PagePartsMessage = { kind: 'parts'; entries: [string, PageParts][] } | PagePartsDone;

const { catalog, chunks, claims, outDir, cacheName } = workerData as PagePartsTask;
const site = openSnapshotSite(catalog);
const cache = openCitationCache(cacheFolder(), cacheName);
let files = 0;
for (const [index, ids] of chunks.entries()) {
  if (!takeChunk(claims, index)) continue;
  const chunk = ids.map((id) => site.catalog.records.get(id) as PublishedRecord);
  const parts = await computePageParts(chunk, site, cache);
  parentPort!.postMessage({ kind: 'parts', entries: [...parts] } satisfies PagePartsMessage);
  files += await writeRecordExports(chunk, site.context, outDir);
}
parentPort!.postMessage({ kind: 'done', files, cachedCitations: cache.hits, citations: cache.used() } satisfies PagePartsMessage);
