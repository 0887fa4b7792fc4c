/**
 * Metric histories: a CSV beside the run with a `step` column and one column
 * per metric. Missing and non-finite values (empty, nan, inf) are gaps.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface MetricHistory {
  metrics: string[];
  steps: number[];
  /** Per metric, one value per step; null where the run logged nothing usable. */
  values: Record<string, (number | null)[]>;
}

export interface MetricHistoryError {
  line: number;
  column: number;
  message: string;
}

const GAP = /^(?:|nan|-?inf(?:inity)?)$/i;

export function metricHistoryPath(recordPath: string, relativePath: string): string {
  return resolve(dirname(recordPath), relativePath);
}

export function parseMetricHistory(text: string): { history?: MetricHistory; error?: MetricHistoryError } {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof rows;
  } catch (error) {
    const { lines = 1, message } = error as { lines?: number; message: string };
    return { error: { line: lines, column: 1, message: message.replace(/^Invalid Record Length: /, '') } };
  }
  const [header, ...data] = rows;
  if (!header || header.record[0]?.toLowerCase() !== 'step' || header.record.length < 2) {
    return { error: { line: 1, column: 1, message: 'the header must be "step" followed by at least one metric name' } };
  }
  const metrics = header.record.slice(1);
  const history: MetricHistory = { metrics, steps: [], values: Object.fromEntries(metrics.map((metric) => [metric, []])) };
  for (const { record, info } of data) {
    const step = Number(record[0]);
    if (!Number.isInteger(step)) {
      return { error: { line: info.lines, column: 1, message: `step "${record[0]}" is not a whole number` } };
    }
    history.steps.push(step);
    for (const [index, metric] of metrics.entries()) {
      const cell = record[index + 1]!;
      const value = GAP.test(cell) ? null : Number(cell);
      if (value !== null && Number.isNaN(value)) {
        return { error: { line: info.lines, column: index + 2, message: `value "${cell}" of ${metric} is not a number` } };
      }
      history.values[metric]!.push(value);
    }
  }
  return { history };
}

export function readMetricHistory(path: string): { history?: MetricHistory; error?: MetricHistoryError } {
  if (!existsSync(path)) return { error: { line: 1, column: 1, message: 'file not found' } };
  return parseMetricHistory(readFileSync(path, 'utf8'));
}
