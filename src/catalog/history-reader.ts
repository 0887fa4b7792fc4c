/**
 * How the metric-history rule reads files. In process by default; `check`
 * prefetches them in a worker thread, since on a large catalog parsing
 * millions of values costs as much as reading all the records.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readMetricHistory, type MetricHistoryError } from './metric-history.ts';
import { startWorker } from './worker-results.ts';

export type HistoryReader = (path: string) => { error?: MetricHistoryError };

export const readInProcess: HistoryReader = (path) => ({ error: readMetricHistory(path).error });

/** What the worker posts for each file. */
export interface HistoryResult {
  path: string;
  error?: MetricHistoryError;
}

/** Starts validating every CSV under runs/ in a worker; reads block until that file's result is in. */
export function prefetchHistories(catalogRoot: string): HistoryReader {
  const folder = join(catalogRoot, 'runs');
  const paths = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.csv')).map((name) => join(folder, name)) : [];
  const worker = paths.length ? startWorker<string, HistoryResult>(new URL('./metric-history-worker.ts', import.meta.url), { paths }, (result) => result.path) : undefined;
  if (!worker) return readInProcess;
  const expected = new Set(paths);
  return (path) => {
    const result = expected.delete(path) ? worker.take(path) : undefined;
    return result ?? readInProcess(path);
  };
}
