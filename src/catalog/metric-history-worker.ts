/**
 * Worker thread for `check`: validates metric history files while the main
 * thread reads the records, and reports each file's error (or none) as it goes.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { readMetricHistory } from './metric-history.ts';

const { paths, progress, port } = workerData as { paths: string[]; progress: SharedArrayBuffer; port: MessagePort };
const done = new Int32Array(progress);
for (const path of paths) {
  port.postMessage({ path, error: readMetricHistory(path).error });
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
}
