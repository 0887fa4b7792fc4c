/**
 * The costly parts of a landing page that need no Astro: its formatted
 * citations (citeproc), its rendered body (Markdown with citations), its
 * schema.org JSON-LD and its BibTeX (both exports too). A
 * build computes them in a worker thread, in page order, while the main
 * thread renders pages (startPagePartsWorker); the same worker writes the
 * records' exports; the main thread takes chunks too when it would otherwise
 * wait. Pages await their record's parts. Without a worker (dev server,
 * tests), a page computes its own.
 */
import { Worker } from 'node:worker_threads';
import { citationStyles, type CitationStyle } from '../metadata/csl/format.ts';
import type { PublishedRecord } from '../metadata/types.ts';
import { catalogSnapshot, type Site } from '../site/site.ts';
import { bibtex, exportText } from '../metadata/index.ts';
import { schemaOrgScript } from '../views/head.ts';
import { renderBody } from '../views/markdown.ts';
import { cacheFolder, openCitationCache, type CitationCache } from './citation-cache.ts';
import type { PagePartsDone, PagePartsMessage, PagePartsTask } from './page-parts-worker.ts';
import { writeRecordExports } from './site-files.ts';

export interface FormattedCitation {
  id: CitationStyle;
  label: string;
  html: string;
}

export interface PageParts {
  /** The entry of each style, in citationStyles order. */
  citations: string[];
  bodyHtml: string;
  /** The record's schema.org document, as the page embeds it. */
  schemaOrg: string;
  /** Its BibTeX entry, as the page shows it and citation.bib holds it. */
  bibtex: string;
}

export interface WorkerReport {
  /** Export files written. */
  files: number;
  /** Records whose citations came from the cache. */
  cachedCitations: number;
}

interface PartsStore {
  parts: Map<string, Promise<PageParts>>;
  /** Whether a record's parts have come, from either thread. */
  isReady(id: string): boolean;
  /** Computes a chunk in this thread (the record's own if free, else the last free one); undefined when none is left. */
  takeWork(id: string): Promise<void> | undefined;
  /** Settles when every export of the plan is written, by either thread. */
  exportsWritten: Promise<WorkerReport>;
}

// The integration and the pages are separate module instances in one process.
const STORE = Symbol.for('heliograph.page-parts');
type WithStore = Site & { [STORE]?: PartsStore };

/**
 * The parts of some records, computed in this thread. Citations come from the
 * cache where it has them (without a cache folder it only formats: one
 * citeproc run per style over the records).
 */
export async function computePageParts(records: PublishedRecord[], site: Pick<Site, 'context' | 'catalog'>, cache: CitationCache = openCitationCache(undefined, 'page')): Promise<Map<string, PageParts>> {
  const citations = cache.format(records, site.context);
  const bodies = await Promise.all(records.map((record) => renderBody(record.body, site.catalog)));
  return new Map(
    records.map((record, index) => [
      record.id,
      { citations: citations.get(record.id)!, bodyHtml: bodies[index]!, schemaOrg: schemaOrgScript(record, site.context), bibtex: exportText(record, bibtex, site.context) },
    ]),
  );
}

/**
 * Which thread computes a chunk, settled in memory both threads share: a
 * chunk is taken by whichever thread first swaps its slot from 0.
 */
export function takeChunk(claims: Int32Array, chunk: number): boolean {
  return Atomics.compareExchange(claims, chunk, 0, 1) === 0;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Starts the worker over `records` (the plan's, in page order): chunk by
 * chunk from the first it computes their parts and writes their exports
 * under `outDir`. A page whose parts have not come yet does not wait idle:
 * this thread takes its chunk if the worker has not, or else the last chunk
 * nobody has, so the two threads share the work and meet in the middle. One
 * worker: on two cores a second one cost more CPU than it saved (each warms
 * up its own citeproc; 1,000 records: 27 s → 44 s). `workerFile` is
 * page-parts-worker.ts, resolved by the caller from the project root (the
 * integration may run from a bundled copy).
 */
export function startPagePartsWorker(site: Site, records: PublishedRecord[], outDir: string, workerFile: string, { chunkSize = 50, cacheName = 'site' } = {}): void {
  const settle = new Map<string, (parts: PageParts) => void>();
  const parts = new Map(records.map((record) => [record.id, new Promise<PageParts>((resolve) => settle.set(record.id, resolve))]));
  const deliver = (entries: Iterable<[string, PageParts]>) => {
    for (const [id, entry] of entries) {
      settle.get(id)?.(entry);
      settle.delete(id);
    }
  };
  const chunks: string[][] = [];
  for (let start = 0; start < records.length; start += chunkSize) chunks.push(records.slice(start, start + chunkSize).map((record) => record.id));
  const chunkOf = new Map(chunks.flatMap((ids, index) => ids.map((id) => [id, index] as const)));
  const claims = new Int32Array(new SharedArrayBuffer(Math.max(chunks.length, 1) * Int32Array.BYTES_PER_ELEMENT));

  // This thread's share: its own citation cache, opened when it first takes a chunk.
  let cache: CitationCache | undefined;
  let files = 0;
  const taken: Promise<void>[] = [];
  const compute = async (index: number) => {
    const chunk = chunks[index]!.map((id) => site.catalog.records.get(id) as PublishedRecord);
    cache ??= openCitationCache(cacheFolder(), cacheName);
    deliver(await computePageParts(chunk, site, cache));
    files += await writeRecordExports(chunk, site.context, outDir);
  };
  let last = chunks.length - 1;
  const takeWork = (id: string): Promise<void> | undefined => {
    const own = chunkOf.get(id);
    let index = own !== undefined && takeChunk(claims, own) ? own : -1;
    for (; index < 0 && last >= 0; last--) if (takeChunk(claims, last)) index = last;
    if (index < 0) return undefined;
    const done = compute(index);
    taken.push(done);
    return done;
  };

  const task: PagePartsTask = { catalog: catalogSnapshot(site), chunks, claims, outDir, cacheName };
  const workerDone = new Promise<PagePartsDone>((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: task });
    worker.on('message', (message: PagePartsMessage) => {
      if (message.kind === 'parts') deliver(message.entries);
      else resolve(message);
    });
    // Should the worker fail, pages compute their parts themselves and the build fails at the exports: nothing is lost quietly.
    worker.on('error', (error) => {
      reject(error);
      void computePageParts(records, site).then(deliver);
    });
    worker.on('exit', (code) => code !== 0 && reject(new Error(`the page-parts worker exited with code ${code}`)));
  });
  const exportsWritten = workerDone.then(async (done) => {
    await Promise.all(taken);
    (cache ?? openCitationCache(cacheFolder(), cacheName)).save(done.citations);
    return { files: done.files + files, cachedCitations: done.cachedCitations + (cache?.hits ?? 0) };
  });
  // Not unref'd: while pages wait for their parts, the worker is what keeps the process alive.
  exportsWritten.catch(() => undefined);
  (site as WithStore)[STORE] = { parts, isReady: (id) => !settle.has(id), takeWork, exportsWritten };
}

/** Resolves when every export is written, by the worker or this thread; undefined when no worker runs. */
export function exportsWritten(site: Site): Promise<WorkerReport> | undefined {
  return (site as WithStore)[STORE]?.exportsWritten;
}

export async function pagePartsOf(record: PublishedRecord, site: Site): Promise<PageParts> {
  const store = (site as WithStore)[STORE];
  const pending = store?.parts.get(record.id);
  if (!store || !pending) return (await computePageParts([record], site)).get(record.id)!;
  // Rather than wait for the worker, take a chunk; between chunks, let the worker's messages in.
  while (!store.isReady(record.id)) {
    const working = store.takeWork(record.id);
    if (!working) break;
    await working;
    await nextTurn();
  }
  // A page is rendered once: holding every page's parts to the end of the build would keep them all in memory.
  store.parts.delete(record.id);
  return pending;
}

export function citationsOf({ citations }: PageParts): FormattedCitation[] {
  return citationStyles.map((style, index) => ({ ...style, html: citations[index]! }));
}
