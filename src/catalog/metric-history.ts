/**
 * Metric histories: a CSV beside the run with a `step` column and one column
 * per metric. Missing and non-finite values (empty, nan, inf) are gaps.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { decodeUtf8 } from './read-file.ts';
import Papa from 'papaparse';

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

/** A number, null for a gap, undefined for text that is neither. Hot path: 10⁶ cells in a large catalog. */
function cellValue(cell: string): number | null | undefined {
  const value = Number(cell);
  if (Number.isFinite(value)) return value === 0 && cell.trim() === '' ? null : value;
  return GAP.test(cell.trim()) ? null : undefined;
}

export function parseMetricHistory(text: string): { history?: MetricHistory; error?: MetricHistoryError } {
  // Empty lines are kept (and skipped below) so that row n is line n + 1.
  const { data: rows, errors } = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: false });
  const malformed = errors.find((error) => error.code !== 'UndetectableDelimiter');
  if (malformed) return { error: { line: (malformed.row ?? 0) + 1, column: 1, message: malformed.message } };
  const header = rows[0]?.map((cell) => cell.trim());
  if (!header || header[0]?.toLowerCase() !== 'step' || header.length < 2) {
    return { error: { line: 1, column: 1, message: 'the header must be "step" followed by at least one metric name' } };
  }
  const metrics = header.slice(1);
  const history: MetricHistory = { metrics, steps: [], values: Object.fromEntries(metrics.map((metric) => [metric, []])) };
  for (let index = 1; index < rows.length; index++) {
    const record = rows[index]!;
    const line = index + 1;
    if (record.length === 1 && record[0]!.trim() === '') continue;
    if (record.length !== header.length) {
      return { error: { line, column: 1, message: `row has ${record.length} fields, the header ${header.length}` } };
    }
    const step = Number(record[0]);
    if (!Number.isInteger(step) || record[0]!.trim() === '') {
      return { error: { line, column: 1, message: `step "${record[0]}" is not a whole number` } };
    }
    history.steps.push(step);
    for (let column = 1; column < header.length; column++) {
      const value = cellValue(record[column]!);
      if (value === undefined) {
        return { error: { line, column: column + 1, message: `value "${record[column]}" of ${metrics[column - 1]} is not a number` } };
      }
      history.values[metrics[column - 1]!]!.push(value);
    }
  }
  return { history };
}

export function readMetricHistory(path: string): { history?: MetricHistory; error?: MetricHistoryError } {
  if (!existsSync(path)) return { error: { line: 1, column: 1, message: 'file not found' } };
  const { text, error } = decodeUtf8(readFileSync(path));
  return error ? { error: { line: error.line, column: error.column, message: error.message } } : parseMetricHistory(text);
}
