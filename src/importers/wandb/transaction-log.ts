/**
 * What a run's binary log (run-<id>.wandb) says about it, folded record by
 * record the way W&B's backend replays it on `wandb sync`: the run record
 * (display name, notes, tags, group, job type, sweep, start time, git), config
 * and summary updates, history rows (one per step), telemetry (Python and
 * client versions) and the exit record (exit code, runtime).
 */
import { MetricSeries } from '../metric-history.ts';
import { isRecord } from '../source-files.ts';
import { numericLeaves } from '../values.ts';
import { parsePythonJson } from './python-json.ts';
import { readRecordLog, type LogStop } from './record-log.ts';
import { TO_OBJECT, wandbRecordType } from './schema.ts';

interface Item {
  key?: string;
  nested_key?: string[];
  value_json?: string;
}

export interface WandbLog {
  runId?: string;
  displayName?: string;
  notes?: string;
  tags: string[];
  group?: string;
  jobType?: string;
  sweepId?: string;
  /** Epoch milliseconds. */
  startTime?: number;
  git?: { remote?: string; commit?: string };
  config: Record<string, unknown>;
  summary: Record<string, unknown>;
  history: MetricSeries;
  /** Epoch milliseconds of the last history row. */
  lastTimestamp?: number;
  pythonVersion?: string;
  cliVersion?: string;
  exit?: { code: number; runtimeSeconds: number };
  records: number;
  /** Where and why reading stopped, for a damaged or cut-short log. */
  stop?: LogStop;
}

function parseValue(json: string | undefined): unknown {
  if (json === undefined) return undefined;
  try {
    return parsePythonJson(json);
  } catch {
    return undefined;
  }
}

function path(item: Item): string[] {
  return item.nested_key?.length ? item.nested_key : item.key !== undefined ? [item.key] : [];
}

/** Applies config or summary updates and removals to a nested object. */
function applyItems(target: Record<string, unknown>, update: Item[] = [], remove: Item[] = []): void {
  for (const item of update) {
    const keys = path(item);
    if (!keys.length) continue;
    let node = target;
    for (const key of keys.slice(0, -1)) node = isRecord(node[key]) ? node[key] : (node[key] = {});
    node[keys.at(-1)!] = parseValue(item.value_json);
  }
  for (const item of remove) {
    const keys = path(item);
    let node: unknown = target;
    for (const key of keys.slice(0, -1)) node = isRecord(node) ? node[key] : undefined;
    if (isRecord(node) && keys.length) delete node[keys.at(-1)!];
  }
}

function timestampMillis(value: unknown): number | undefined {
  if (!isRecord(value)) return undefined;
  const seconds = Number(value['seconds'] ?? 0);
  return seconds * 1000 + Math.round(Number(value['nanos'] ?? 0) / 1e6);
}

/** A history row: its step (_step, else the record's step), its time and its numeric values, nested ones dotted. */
function addHistoryRow(log: WandbLog, items: Item[], recordStep: number | undefined, row: number): void {
  const values: Record<string, unknown> = {};
  applyItems(values, items);
  const step = typeof values['_step'] === 'number' ? values['_step'] : (recordStep ?? row);
  const timestamp = typeof values['_timestamp'] === 'number' ? Math.round(values['_timestamp'] * 1000) : 0;
  if (timestamp) log.lastTimestamp = Math.max(log.lastTimestamp ?? 0, timestamp);
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith('_')) continue;
    // NaN and ±Infinity are numbers here and stay in the history (as nan).
    if (typeof value === 'number') log.history.add(key, step, timestamp, value);
    else if (isRecord(value)) for (const [name, inner] of Object.entries(numericLeaves(value, key))) log.history.add(name, step, timestamp, inner);
  }
}

export function readTransactionLog(file: string): WandbLog {
  const Record = wandbRecordType();
  const log: WandbLog = { tags: [], config: {}, summary: {}, history: new MetricSeries(), records: 0 };
  const reading: { stop?: LogStop } = {};
  let rows = 0;
  for (const bytes of readRecordLog(file, reading)) {
    let record: Record<string, unknown>;
    try {
      record = Record.toObject(Record.decode(bytes), TO_OBJECT);
    } catch (error) {
      log.stop = { offset: -1, reason: `record ${log.records + 1} is not a W&B Record message: ${(error as Error).message}` };
      break;
    }
    log.records++;
    const run = record['run'];
    if (isRecord(run)) {
      log.runId = (run['run_id'] as string | undefined) || log.runId;
      log.displayName = (run['display_name'] as string | undefined) || log.displayName;
      log.notes = (run['notes'] as string | undefined) || log.notes;
      if (Array.isArray(run['tags']) && run['tags'].length) log.tags = run['tags'] as string[];
      log.group = (run['run_group'] as string | undefined) || log.group;
      log.jobType = (run['job_type'] as string | undefined) || log.jobType;
      log.sweepId = (run['sweep_id'] as string | undefined) || log.sweepId;
      log.startTime = timestampMillis(run['start_time']) ?? log.startTime;
      if (isRecord(run['git'])) log.git = { remote: (run['git']['remote_url'] as string) || undefined, commit: (run['git']['commit'] as string) || undefined };
      if (isRecord(run['config'])) applyItems(log.config, run['config']['update'] as Item[], run['config']['remove'] as Item[]);
      if (isRecord(run['summary'])) applyItems(log.summary, run['summary']['update'] as Item[], run['summary']['remove'] as Item[]);
    }
    const config = record['config'];
    if (isRecord(config)) applyItems(log.config, config['update'] as Item[], config['remove'] as Item[]);
    const summary = record['summary'];
    if (isRecord(summary)) applyItems(log.summary, summary['update'] as Item[], summary['remove'] as Item[]);
    const history = record['history'];
    if (isRecord(history)) {
      const step = isRecord(history['step']) && typeof history['step']['num'] === 'number' ? history['step']['num'] : undefined;
      addHistoryRow(log, (history['item'] as Item[] | undefined) ?? [], step, rows++);
    }
    const telemetry = record['telemetry'];
    if (isRecord(telemetry)) {
      log.pythonVersion = (telemetry['python_version'] as string | undefined) || log.pythonVersion;
      log.cliVersion = (telemetry['cli_version'] as string | undefined) || log.cliVersion;
    }
    const exit = record['exit'];
    if (isRecord(exit)) log.exit = { code: Number(exit['exit_code'] ?? 0), runtimeSeconds: Number(exit['runtime'] ?? 0) };
  }
  log.stop ??= reading.stop;
  return log;
}
