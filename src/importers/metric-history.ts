/**
 * Metric histories as the catalog keeps them (src/catalog/metric-history.ts):
 * a CSV beside the run, "step" and one column per metric, non-finite values
 * written as nan, a missing value left empty. Values are collected as
 * numbers while the source is streamed, and the CSV is written in chunks.
 */
import type { Attachment } from './types.ts';

interface Point {
  timestamp: number;
  value: number;
}

const CHUNK = 64 * 1024;

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function formatValue(value: number | undefined): string {
  if (value === undefined) return '';
  if (!Number.isFinite(value)) return 'nan';
  return Object.is(value, -0) ? '0' : String(value);
}

/** Whether a later point replaces an earlier one at the same step: the later log wins, as in MLflow. */
function supersedes(next: Point, previous: Point): boolean {
  if (next.timestamp !== previous.timestamp) return next.timestamp > previous.timestamp;
  return (Number.isNaN(previous.value) ? -Infinity : previous.value) < (Number.isNaN(next.value) ? -Infinity : next.value);
}

export class MetricSeries {
  private readonly metrics = new Map<string, Map<number, Point>>();

  add(metric: string, step: number, timestamp: number, value: number): void {
    let steps = this.metrics.get(metric);
    if (!steps) this.metrics.set(metric, (steps = new Map()));
    const previous = steps.get(step);
    const point = { timestamp, value };
    if (!previous || supersedes(point, previous)) steps.set(step, point);
  }

  get names(): string[] {
    return [...this.metrics.keys()].sort();
  }

  /** Whether any metric was logged at more than one step, which is what a history is for. */
  get hasHistory(): boolean {
    const steps = new Set<number>();
    for (const points of this.metrics.values()) for (const step of points.keys()) steps.add(step);
    return steps.size > 1;
  }

  /** Each metric's value at its last step (the latest log there); non-finite ones apart, as the schema wants numbers. */
  final(): { values: Record<string, number>; nonFinite: string[] } {
    const values: Record<string, number> = {};
    const nonFinite: string[] = [];
    for (const name of this.names) {
      const points = this.metrics.get(name)!;
      let lastStep = -Infinity;
      for (const step of points.keys()) if (step > lastStep) lastStep = step;
      const last = points.get(lastStep)!;
      if (Number.isFinite(last.value)) values[name] = last.value;
      else nonFinite.push(name);
    }
    return { values, nonFinite };
  }

  async *csv(): AsyncGenerator<string> {
    const names = this.names;
    const columns = names.map((name) => this.metrics.get(name)!);
    const all = new Set<number>();
    for (const points of columns) for (const step of points.keys()) all.add(step);
    const steps = Float64Array.from(all).sort();
    let chunk = `step,${names.map(csvCell).join(',')}\n`;
    for (const step of steps) {
      chunk += `${step},${columns.map((points) => formatValue(points.get(step)?.value)).join(',')}\n`;
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }

  attachment(): Attachment {
    return { field: 'metricHistory', suffix: '.metrics.csv', chunks: () => this.csv() };
  }
}

/**
 * A metric value as tools write it: a number, or nan / inf / -inf in any
 * case (Python's float() spelling); undefined for anything else.
 */
export function parseMetricValue(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^[-+]?nan$/i.test(trimmed)) return NaN;
  if (/^[-+]?inf(?:inity)?$/i.test(trimmed)) return trimmed.startsWith('-') ? -Infinity : Infinity;
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isNaN(value) ? undefined : value;
}
