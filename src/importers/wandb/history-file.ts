/**
 * wandb-history.jsonl, the metric history of wandb 0.8–0.9: one JSON object
 * per logged step, with _step, _runtime and _timestamp (seconds) beside the
 * values. A run killed while writing leaves a last line cut short; the rows
 * before it are kept and the note says where reading stopped.
 */
import { MetricSeries } from '../metric-history.ts';
import { fileLines, isRecord } from '../source-files.ts';
import { numericLeaves } from '../values.ts';
import { parsePythonJson } from './python-json.ts';

export interface HistoryFile {
  history: MetricSeries;
  lastTimestamp?: number;
  /** The line that could not be read, and why. */
  stop?: { line: number; reason: string };
}


export async function readHistoryFile(path: string): Promise<HistoryFile> {
  const result: HistoryFile = { history: new MetricSeries() };
  for await (const { line, number } of fileLines(path)) {
    if (!line.trim()) continue;
    let row: unknown;
    try {
      row = parsePythonJson(line);
    } catch (error) {
      result.stop = { line: number, reason: `not JSON (${(error as Error).message})` };
      break;
    }
    if (!isRecord(row)) continue;
    const step = typeof row['_step'] === 'number' ? row['_step'] : number - 1;
    const timestamp = typeof row['_timestamp'] === 'number' ? Math.round(row['_timestamp'] * 1000) : 0;
    if (timestamp) result.lastTimestamp = Math.max(result.lastTimestamp ?? 0, timestamp);
    for (const [key, value] of Object.entries(row)) {
      if (key.startsWith('_')) continue;
      if (typeof value === 'number') result.history.add(key, step, timestamp, value);
      else if (isRecord(value)) for (const [name, inner] of Object.entries(numericLeaves(value, key))) result.history.add(name, step, timestamp, inner);
    }
  }
  return result;
}
