/**
 * How the metric-history rule reads files. In process by default; `check`
 * prefetches them in a worker thread, since on a large catalog parsing
 * millions of values costs as much as reading all the records.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { readMetricHistory, type MetricHistoryError } from './metric-history.ts';

export type HistoryReader = (path: string) => { error?: MetricHistoryError };

export const readInProcess: HistoryReader = (path) => ({ error: readMetricHistory(path).error });

/** Without word from the worker for this long, the rest is read in process. */
const STALL_MS = 3000;

/** Starts validating every CSV under runs/ in a worker; reads block until that file's result is in. */
export function prefetchHistories(catalogRoot: string): HistoryReader {
  const folder = join(catalogRoot, 'runs');
  const paths = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.csv')).map((name) => join(folder, name)) : [];
  if (!paths.length) return readInProcess;
  const progress = new SharedArrayBuffer(4);
  const done = new Int32Array(progress);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    // The worker writes to port2 directly: receiveMessageOnPort reads it without this thread's event loop.
    worker = new Worker(new URL('./metric-history-worker.ts', import.meta.url), { workerData: { paths, progress, port: port2 }, transferList: [port2] });
  } catch {
    return readInProcess;
  }
  // A worker that fails stops making progress; the reads below notice and carry on in process.
  worker.on('error', () => undefined);
  worker.unref();
  const results = new Map<string, { error?: MetricHistoryError }>();
  const expected = new Set(paths);
  let stalled = false;
  let seen = 0;
  return (path) => {
    if (!expected.has(path) || stalled) return results.get(path) ?? readInProcess(path);
    while (!results.has(path)) {
      const message = receiveMessageOnPort(port1)?.message as { path: string; error?: MetricHistoryError } | undefined;
      if (message) {
        results.set(message.path, { error: message.error });
        continue;
      }
      if (Atomics.wait(done, 0, seen, STALL_MS) === 'timed-out' && Atomics.load(done, 0) === seen) {
        stalled = true;
        void worker.terminate();
        return readInProcess(path);
      }
      seen = Atomics.load(done, 0);
    }
    return results.get(path)!;
  };
}
