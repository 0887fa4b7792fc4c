/**
 * Formatted citations for the "Cite this" boxes. citeproc is the costliest
 * step of a page, so a build formats them in a worker thread on the other core
 * (formatCitationsInBackground); pages await their record's entries. Without a
 * worker (dev server, tests), the first page formats all of them at once.
 */
import { Worker } from 'node:worker_threads';
import { citationStyles, formatCitations, type CitationStyle } from '../metadata/csl/format.ts';
import type { PublishedRecord } from '../metadata/types.ts';
import type { CitationChunk } from './citation-worker.ts';
import type { Site } from './site.ts';

export interface FormattedCitation {
  id: CitationStyle;
  label: string;
  html: string;
}

/** Entries by record id, resolved as they arrive. */
interface CitationStore {
  entries: Map<string, Promise<string[]>>;
}

// The integration and the pages are separate module instances in one process.
const STORE = Symbol.for('heliograph.citations');
type WithStore = Site & { [STORE]?: CitationStore };

function formatAll(site: Site): CitationStore {
  const byStyle = citationStyles.map((style) => formatCitations(site.published, site.context, style.id));
  return { entries: new Map(site.published.map((record) => [record.id, Promise.resolve(byStyle.map((formatted) => formatted.get(record.id)!))])) };
}

/** Starts the worker; `workerFile` is citation-worker.ts, resolved by the caller from the project root. */
export function formatCitationsInBackground(site: Site, workerFile: string, chunkSize = 200): void {
  const settle = new Map<string, { resolve(entries: string[]): void; reject(error: unknown): void }>();
  const store: CitationStore = {
    entries: new Map(
      site.published.map((record) => [record.id, new Promise<string[]>((resolve, reject) => settle.set(record.id, { resolve, reject }))]),
    ),
  };
  const worker = new Worker(workerFile, { workerData: { folder: site.catalog.root, chunkSize } });
  worker.on('message', ({ entries }: CitationChunk) => {
    for (const [id, html] of entries) settle.get(id)?.resolve(html);
  });
  // Should the worker fail, pages format their citations themselves rather than fail the build.
  worker.on('error', () => {
    const fallback = formatAll(site);
    for (const [id, { resolve }] of settle) void fallback.entries.get(id)!.then(resolve);
  });
  // Not unref'd: while pages wait for their entries, the worker is what keeps the process alive.
  (site as WithStore)[STORE] = store;
}

export async function citationsOf(record: PublishedRecord, site: Site): Promise<FormattedCitation[]> {
  const holder = site as WithStore;
  holder[STORE] ??= formatAll(site);
  const html = await holder[STORE].entries.get(record.id)!;
  return citationStyles.map((style, index) => ({ ...style, html: html[index]! }));
}
