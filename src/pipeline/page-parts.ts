/**
 * The costly parts of a landing page that need no Astro: its formatted
 * citations (citeproc), its rendered body (Markdown with citations) and its
 * schema.org JSON-LD. A
 * build computes them in worker threads, in page order, while the main
 * thread renders pages (startPagePartsWorkers); the same workers write the
 * records' exports. Pages await their record's parts. Without workers (dev
 * server, tests), a page computes its own.
 */
import { Worker } from 'node:worker_threads';
import { citationStyles, formatCitations, type CitationStyle } from '../metadata/csl/format.ts';
import type { PublishedRecord } from '../metadata/types.ts';
import type { Site } from '../site/site.ts';
import { schemaOrgScript, type SchemaOrgScript } from '../views/head.ts';
import { renderBody } from '../views/markdown.ts';
import type { CitationCache } from './citation-cache.ts';
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

export interface WorkersReport {
  /** Export files written. */
  files: number;
  /** Records whose citations came from the cache. */
  cachedCitations: number;
}

interface PartsStore {
  parts: Map<string, Promise<PageParts>>;
  /** Settles when the workers have written every export of the plan. */
  exportsWritten: Promise<WorkersReport>;
}

// The integration and the pages are separate module instances in one process.
const STORE = Symbol.for('heliograph.page-parts');
type WithStore = Site & { [STORE]?: PartsStore };

/**
 * The parts of some records, computed in this thread (citations in one
 * citeproc run per style, or from the citation cache).
 */
export async function computePageParts(records: PublishedRecord[], site: Pick<Site, 'context' | 'catalog'>, cache?: CitationCache): Promise<Map<string, PageParts>> {
  const citations = cache ? cache.format(records, site.context) : formatUncached(records, site);
  const bodies = await Promise.all(records.map((record) => renderBody(record.body, site.catalog)));
  return new Map(records.map((record, index) => [record.id, { citations: citations.get(record.id)!, bodyHtml: bodies[index]!, schemaOrg: schemaOrgScript(record, site.context) }]));
}

function formatUncached(records: PublishedRecord[], site: Pick<Site, 'context'>): Map<string, string[]> {
  const byStyle = citationStyles.map((style) => formatCitations(records, site.context, style.id));
  return new Map(records.map((record) => [record.id, byStyle.map((formatted) => formatted.get(record.id)!)]));
}

/**
 * Starts the workers over `records` (the plan's, in page order): each takes
 * every n-th chunk, computes its parts and writes its exports under `outDir`.
 * One worker by default: on two cores a second one cost more CPU than it
 * saved (each warms up its own citeproc; 1,000 records: 27 s → 44 s). `workerFile` is page-parts-worker.ts, resolved by the caller from
 * the project root (the integration may run from a bundled copy).
 */
export function startPagePartsWorkers(site: Site, records: PublishedRecord[], outDir: string, workerFile: string, { workers = 1, chunkSize = 50, cacheName = 'site' } = {}): void {
  const settle = new Map<string, (parts: PageParts) => void>();
  const parts = new Map(records.map((record) => [record.id, new Promise<PageParts>((resolve) => settle.set(record.id, resolve))]));
  const chunks: PublishedRecord[][] = [];
  for (let start = 0; start < records.length; start += chunkSize) chunks.push(records.slice(start, start + chunkSize));
  const shares = Array.from({ length: Math.max(1, Math.min(workers, chunks.length)) }, (_, worker) => chunks.filter((_, index) => index % workers === worker));
  const written = shares.map((share) => {
    const task: PagePartsTask = { folder: site.catalog.root, chunks: share.map((chunk) => chunk.map((record) => record.id)), outDir, cacheName: `${cacheName}-${shares.indexOf(share) + 1}` };
    return new Promise<Extract<PagePartsMessage, { kind: 'done' }>>((resolve, reject) => {
      const worker = new Worker(workerFile, { workerData: task });
      worker.on('message', (message: PagePartsMessage) => {
        if (message.kind === 'parts') for (const [id, entry] of message.entries) settle.get(id)?.(entry);
        else resolve(message);
      });
      // Should a worker fail, pages compute their parts themselves and the build fails at the exports: nothing is lost quietly.
      worker.on('error', (error) => {
        reject(error);
        void computePageParts(share.flat(), site).then((computed) => {
          for (const [id, entry] of computed) settle.get(id)?.(entry);
        });
      });
      worker.on('exit', (code) => code !== 0 && reject(new Error(`a page-parts worker exited with code ${code}`)));
    });
  });
  // Not unref'd: while pages wait for their parts, the workers are what keeps the process alive.
  const exportsWritten = Promise.all(written).then((reports) => ({
    files: reports.reduce((sum, report) => sum + report.files, 0),
    cachedCitations: reports.reduce((sum, report) => sum + report.cachedCitations, 0),
  }));
  exportsWritten.catch(() => undefined);
  (site as WithStore)[STORE] = { parts, exportsWritten };
}

/** Resolves when the workers have written every export; undefined when no worker runs. */
export function exportsWritten(site: Site): Promise<WorkersReport> | undefined {
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
