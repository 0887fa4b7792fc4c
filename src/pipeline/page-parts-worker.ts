/**
 * Worker thread: formats every record's citations in chunks, in page order, so
 * the build's main thread renders pages while citeproc runs on the other core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { citationStyles, formatCitations } from '../metadata/csl/format.ts';
import { loadSite } from './site.ts';

export interface CitationChunk {
  /** Record id → the formatted entry of each style, in citationStyles order. */
  entries: [string, string[]][];
}

const { folder, chunkSize } = workerData as { folder: string; chunkSize: number };
const site = loadSite(folder);
for (let start = 0; start < site.published.length; start += chunkSize) {
  const records = site.published.slice(start, start + chunkSize);
  const byStyle = citationStyles.map((style) => formatCitations(records, site.context, style.id));
  const chunk: CitationChunk = { entries: records.map((record) => [record.id, byStyle.map((formatted) => formatted.get(record.id)!)]) };
  parentPort!.postMessage(chunk);
}
