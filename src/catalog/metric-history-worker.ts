/**
 * Worker thread for `check`: validates metric history files while the main
 * thread reads the records, and reports each file's error (or none) as it goes.
 */
import type { HistoryResult } from './history-reader.ts';
import { readMetricHistory } from './metric-history.ts';
import { workerChannel } from './worker-results.ts';

const { data, post } = workerChannel<{ paths: string[] }>();
for (const path of data.paths) post({ path, error: readMetricHistory(path).error } satisfies HistoryResult);
