/**
 * Metric histories as the catalog keeps them (src/catalog/metric-history.ts):
 * a CSV beside the run, "step" and one column per metric, non-finite values
 * written as nan, a missing value left empty. Values are collected as
 * numbers while the source is streamed, and the CSV is written in chunks.
 */
import { createHash } from 'node:crypto';
import { createReadStream, writeFileSync } from 'node:fs';
import type { Attachment } from './types.ts';

const CHUNK = 64 * 1024;

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function formatValue(value: number | undefined, text: string | undefined): string {
  if (value === undefined) return '';
  if (!Number.isFinite(value)) return 'nan';
  // The source's own spelling, where it has one, reads back as the same number and costs no formatting.
  if (text !== undefined) return text;
  return value === 0 ? '0' : String(value);
}

/** One metric's points: step → index into parallel arrays, which cost a fraction of an object per point. */
interface Points {
  index: Map<number, number>;
  timestamps: number[];
  values: number[];
  /** The value as the source spelled it, where the reader kept it. */
  texts: (string | undefined)[];
}

/** Whether a later point replaces an earlier one at the same step: the later log wins, as in MLflow. */
function supersedes(timestamp: number, value: number, previousTimestamp: number, previousValue: number): boolean {
  if (timestamp !== previousTimestamp) return timestamp > previousTimestamp;
  return (Number.isNaN(previousValue) ? -Infinity : previousValue) < (Number.isNaN(value) ? -Infinity : value);
}

export interface FinalValues {
  values: Record<string, number>;
  nonFinite: string[];
}

/** What a run record needs of its history: the metric names, the final values, and the CSV to attach. */
export interface RunHistory {
  readonly names: string[];
  /** Whether any metric was logged at more than one step, which is what a history is for. */
  readonly hasHistory: boolean;
  final(): FinalValues;
  attachment(): Attachment;
}

/** A history written to a scratch file once read, so that an import of many runs holds one run's points at a time. */
class SpilledHistory implements RunHistory {
  readonly names: string[];
  readonly hasHistory: boolean;
  private readonly finalValues: FinalValues;
  private readonly path: string;
  private readonly sha256: string = '';

  constructor(series: MetricSeries, path: string) {
    this.names = series.names;
    this.hasHistory = series.hasHistory;
    this.finalValues = series.final();
    this.path = path;
    if (this.hasHistory) {
      const text = [...series.csvChunks()].join('');
      writeFileSync(path, text);
      this.sha256 = createHash('sha256').update(text).digest('hex');
    }
  }

  final(): FinalValues {
    return this.finalValues;
  }

  attachment(): Attachment {
    const path = this.path;
    return {
      field: 'metricHistory',
      suffix: '.metrics.csv',
      file: this.hasHistory ? { path, sha256: this.sha256 } : undefined,
      async *chunks() {
        for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK })) yield chunk as string;
      },
    };
  }
}

export class MetricSeries implements RunHistory {
  private readonly metrics = new Map<string, Points>();

  /** `text`: the value as the source wrote it, when Number(text) is `value`; the CSV then keeps that spelling. */
  add(metric: string, step: number, timestamp: number, value: number, text?: string): void {
    let points = this.metrics.get(metric);
    if (!points) this.metrics.set(metric, (points = { index: new Map(), timestamps: [], values: [], texts: [] }));
    const at = points.index.get(step);
    if (at === undefined) {
      points.index.set(step, points.values.length);
      points.timestamps.push(timestamp);
      points.values.push(value);
      points.texts.push(text);
    } else if (supersedes(timestamp, value, points.timestamps[at]!, points.values[at]!)) {
      points.timestamps[at] = timestamp;
      points.values[at] = value;
      points.texts[at] = text;
    }
  }

  get names(): string[] {
    return [...this.metrics.keys()].sort();
  }

  get hasHistory(): boolean {
    const steps = new Set<number>();
    for (const points of this.metrics.values()) {
      for (const step of points.index.keys()) {
        steps.add(step);
        if (steps.size > 1) return true;
      }
    }
    return false;
  }

  /** Each metric's value at its last step (the latest log there); non-finite ones apart, as the schema wants numbers. */
  final(): FinalValues {
    const values: Record<string, number> = {};
    const nonFinite: string[] = [];
    for (const name of this.names) {
      const points = this.metrics.get(name)!;
      let lastStep = -Infinity;
      for (const step of points.index.keys()) if (step > lastStep) lastStep = step;
      const last = points.values[points.index.get(lastStep)!]!;
      if (Number.isFinite(last)) values[name] = last;
      else nonFinite.push(name);
    }
    return { values, nonFinite };
  }

  /** The CSV text in chunks of about 64 KiB. */
  *csvChunks(): Generator<string> {
    const names = this.names;
    const columns = names.map((name) => this.metrics.get(name)!);
    const all = new Set<number>();
    for (const points of columns) for (const step of points.index.keys()) all.add(step);
    const steps = Float64Array.from(all).sort();
    let chunk = `step,${names.map(csvCell).join(',')}\n`;
    for (const step of steps) {
      let row = String(step);
      for (const points of columns) {
        const at = points.index.get(step);
        row += at === undefined ? ',' : `,${formatValue(points.values[at], points.texts[at])}`;
      }
      chunk += `${row}\n`;
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }

  attachment(): Attachment {
    return {
      field: 'metricHistory',
      suffix: '.metrics.csv',
      chunks: async function* (this: MetricSeries) {
        yield* this.csvChunks();
      }.bind(this),
    };
  }

  /** The history as a scratch file at `path` (written only when there is a history), this series then free to go. */
  spill(path: string): RunHistory {
    return new SpilledHistory(this, path);
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
