/**
 * The costly parts of a landing page that need no Astro: its formatted
 * citations (citeproc), its rendered body (Markdown with citations) and its
 * schema.org JSON-LD. A
 * build computes them in a worker thread, in page order, while the main
 * thread renders pages (startPagePartsWorker); the same worker writes the
 * records' exports. Pages await their record's parts. Without a worker (dev
 * server, tests), a page computes its own.
 */
import { Worker } from 'node:worker_threads';
import { citationStyles, type CitationStyle } from '../metadata/csl/format.ts';
import type { PublishedRecord } from '../metadata/types.ts';
import type { Site } from '../site/site.ts';
import { schemaOrgScript, type SchemaOrgScript } from '../views/head.ts';
import { renderBody } from '../views/markdown.ts';
import { openCitationCache, type CitationCache } from './citation-cache.ts';
import type { PagePartsMessage, PagePartsTask } from './page-parts-worker.ts';

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
  schemaOrg: SchemaOrgScript;
}

export interface WorkerReport {
  /** Export files written. */
  files: number;
  /** Records whose citations came from the cache. */
  cachedCitations: number;
}

interface PartsStore {
  parts: Map<string, Promise<PageParts>>;
  /** Settles when the worker has written every export of the plan. */
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
  return new Map(records.map((record, index) => [record.id, { citations: citations.get(record.id)!, bodyHtml: bodies[index]!, schemaOrg: schemaOrgScript(record, site.context) }]));
}

/**
 * Starts the worker over `records` (the plan's, in page order): chunk by
 * chunk it computes their parts and writes their exports under `outDir`. One
 * worker: on two cores a second one cost more CPU than it saved (each warms
 * up its own citeproc; 1,000 records: 27 s → 44 s). `workerFile` is
 * page-parts-worker.ts, resolved by the caller from the project root (the
 * integration may run from a bundled copy).
 */
export function startPagePartsWorker(site: Site, records: PublishedRecord[], outDir: string, workerFile: string, { chunkSize = 50, cacheName = 'site' } = {}): void {
  const settle = new Map<string, (parts: PageParts) => void>();
  const parts = new Map(records.map((record) => [record.id, new Promise<PageParts>((resolve) => settle.set(record.id, resolve))]));
  const chunks: string[][] = [];
  for (let start = 0; start < records.length; start += chunkSize) chunks.push(records.slice(start, start + chunkSize).map((record) => record.id));
  const task: PagePartsTask = { folder: site.catalog.root, chunks, outDir, cacheName };
  const exportsWritten = new Promise<WorkerReport>((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: task });
    worker.on('message', (message: PagePartsMessage) => {
      if (message.kind === 'parts') for (const [id, entry] of message.entries) settle.get(id)?.(entry);
      else resolve({ files: message.files, cachedCitations: message.cachedCitations });
    });
    // Should the worker fail, pages compute their parts themselves and the build fails at the exports: nothing is lost quietly.
    worker.on('error', (error) => {
      reject(error);
      void computePageParts(records, site).then((computed) => {
        for (const [id, entry] of computed) settle.get(id)?.(entry);
      });
    });
    worker.on('exit', (code) => code !== 0 && reject(new Error(`the page-parts worker exited with code ${code}`)));
  });
  // Not unref'd: while pages wait for their parts, the worker is what keeps the process alive.
  exportsWritten.catch(() => undefined);
  (site as WithStore)[STORE] = { parts, exportsWritten };
}

/** Resolves when the worker has written every export; undefined when no worker runs. */
export function exportsWritten(site: Site): Promise<WorkerReport> | undefined {
  return (site as WithStore)[STORE]?.exportsWritten;
}

export async function pagePartsOf(record: PublishedRecord, site: Site): Promise<PageParts> {
  const pending = (site as WithStore)[STORE]?.parts.get(record.id);
  if (pending) return pending;
  return (await computePageParts([record], site)).get(record.id)!;
}

export function citationsOf({ citations }: PageParts): FormattedCitation[] {
  return citationStyles.map((style, index) => ({ ...style, html: citations[index]! }));
}
