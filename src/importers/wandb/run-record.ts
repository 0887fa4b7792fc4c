/**
 * A W&B run as a run record, from everything its folder holds: config →
 * parameters; summary → final metrics; history (wandb-history.jsonl or the
 * binary log) → metric history; the binary log's run record → title (display
 * name), description (notes), tags, group, job type and sweep; its exit
 * record → runStatus and end time; metadata → times, git commit, program and
 * arguments, Python and GPU. Host names, e-mail addresses and the W&B entity
 * are left out: they name people and machines, not the run.
 */
import { basename } from 'node:path';
import type { MetricSeries } from '../metric-history.ts';
import { runAgents } from '../people.ts';
import { isFullCommit, repositoryUrl } from '../repositories.ts';
import { isoFromMillis } from '../source-files.ts';
import type { ImportContext, PlannedRecord } from '../types.ts';
import { flattenParameters, numericLeaves } from '../values.ts';
import type { WandbMetadata, WandbRun } from './files.ts';
import type { WandbLog } from './transaction-log.ts';

/** Everything read about one run: its folder's files and, where there is one, its history and log. */
export interface ReadRun {
  run: WandbRun;
  log?: WandbLog;
  history?: MetricSeries;
  lastTimestamp?: number;
}

/** Libraries worth naming as the run's frameworks, as requirements.txt spells them. */
const FRAMEWORKS = ['torch', 'tensorflow', 'jax', 'keras', 'transformers', 'lightning', 'pytorch-lightning', 'scikit-learn', 'xgboost', 'lightgbm'];

/** W&B 0.8–0.9 states in wandb-metadata.json as runStatus. */
const STATES: Record<string, 'running' | 'finished' | 'failed' | 'killed'> = { running: 'running', finished: 'finished', failed: 'failed', crashed: 'failed', killed: 'killed' };

/** wandb writes startedAt in UTC, older versions without a zone. */
export function startMillis(startedAt: string): number {
  return Date.parse(/(?:Z|[+-]\d{2}:\d{2})$/.test(startedAt) ? startedAt : `${startedAt}Z`);
}

/** The folder name's run-<yyyymmdd>_<hhmmss>: the time the run started, on the machine's clock. */
function folderMillis(folder: string): number | undefined {
  const match = /-(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})-/.exec(basename(folder));
  return match ? Date.parse(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`) : undefined;
}

function environment({ run, log }: ReadRun) {
  const { metadata, wandbConfig, requirements } = run;
  const python = (metadata?.python ?? (wandbConfig['python_version'] as string | undefined) ?? log?.pythonVersion)?.replace(/^CPython\s*/, '');
  const gpus = metadata?.gpu_nvidia ?? metadata?.gpu_devices ?? [];
  const gpu = metadata?.gpu ?? gpus[0]?.name;
  const count = metadata?.gpu_count ?? gpus.length;
  const frameworks = Object.fromEntries(
    requirements.map((line) => line.split('==')).filter(([name, version]) => version && FRAMEWORKS.includes(name!.toLowerCase())),
  );
  const result = {
    ...(python && { language: `Python ${python}` }),
    ...(Object.keys(frameworks).length && { frameworks }),
    ...(gpu && { hardware: `${count || 1}× ${gpu}` }),
  };
  return Object.keys(result).length ? result : undefined;
}

function code(metadata: WandbMetadata | undefined, log: WandbLog | undefined, label: string, notes: string[]) {
  const repository = repositoryUrl(metadata?.git?.remote ?? log?.git?.remote);
  const commit = metadata?.git?.commit ?? log?.git?.commit;
  const program = metadata?.codePath ?? metadata?.codePathLocal ?? (metadata?.program && basename(metadata.program));
  const entryPoint = program && [program, ...(metadata?.args ?? [])].join(' ');
  if (repository && isFullCommit(commit)) return { repository, commit, ...(entryPoint && { entryPoint }) };
  if (commit) notes.push(`${label}: git commit recorded without a usable repository URL; code left out`);
  return undefined;
}

function startOf({ run, log }: ReadRun): { millis?: number; from: string } {
  if (log?.startTime) return { millis: log.startTime, from: 'log' };
  if (run.metadata?.startedAt) return { millis: startMillis(run.metadata.startedAt), from: 'metadata' };
  const configured = run.wandbConfig['start_time'];
  if (typeof configured === 'number') return { millis: Math.round(configured * 1000), from: 'config' };
  return { millis: folderMillis(run.folder), from: 'folder' };
}

function endOf(read: ReadRun, start: number): number | undefined {
  const { run, log } = read;
  if (log?.exit?.runtimeSeconds) return start + log.exit.runtimeSeconds * 1000;
  const runtime = (run.summary?.['_wandb'] as { runtime?: unknown } | undefined)?.runtime ?? run.summary?.['_runtime'];
  if (typeof runtime === 'number') return start + Math.round(runtime * 1000);
  if (run.metadata?.heartbeatAt && run.metadata.state && run.metadata.state !== 'running') return startMillis(run.metadata.heartbeatAt);
  const last = run.summary?.['_timestamp'];
  if (typeof last === 'number') return Math.round(last * 1000);
  return read.lastTimestamp;
}

function status(read: ReadRun, summary: Record<string, unknown> | undefined, label: string, notes: string[]): 'running' | 'finished' | 'failed' | 'killed' {
  const { run, log } = read;
  const exitCode = log?.exit?.code ?? run.metadata?.exitcode ?? undefined;
  if (exitCode !== undefined) return exitCode === 0 ? 'finished' : 'failed';
  // wandb 0.10 on writes state "running" at the start and never updates it; 0.8–0.9 rewrote it at the end.
  const state = run.metadata?.state && run.metadata.state !== 'running' ? STATES[run.metadata.state] : undefined;
  if (state) return state;
  if (log) {
    notes.push(`${label}: the log holds no exit record (the run was stopped, crashed, or is still running); runStatus is "running": correct it if you know`);
    return 'running';
  }
  if (summary) {
    notes.push(`${label}: no binary log or exit code; runStatus is "finished" because the run wrote its summary: check it`);
    return 'finished';
  }
  notes.push(`${label}: no summary or exit code yet, so the run counts as running`);
  return 'running';
}

/** W&B's own config keys (_wandb and the like) are bookkeeping, not parameters. */
function withoutBookkeeping(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).filter(([key]) => !key.startsWith('_wandb') && key !== 'wandb_version'));
}

function runTags({ run, log }: ReadRun): string[] {
  const tags = [...(log?.tags.length ? log.tags : (run.metadata?.tags ?? []))];
  const group = log?.group;
  const jobType = log?.jobType ?? run.metadata?.jobType;
  if (group) tags.push(`group=${group}`);
  if (jobType) tags.push(`job_type=${jobType}`);
  if (log?.sweepId) tags.push(`sweep=${log.sweepId}`);
  if (run.offline) tags.push('offline');
  return [...new Set(tags)];
}

/** The run record, or undefined (with a note) when nothing tells when the run started. */
export function wandbRunRecord(read: ReadRun, context: ImportContext, notes: string[]): PlannedRecord | undefined {
  const { run, log } = read;
  const label = `W&B run ${run.id}`;
  if (log?.stop) notes.push(`${label}: ${basename(run.logFile!)} stopped at byte ${log.stop.offset}: ${log.stop.reason}; the ${log.records} record(s) before it are imported`);
  const start = startOf(read);
  if (start.millis === undefined || Number.isNaN(start.millis)) {
    notes.push(`${label}: nothing in ${run.folder} says when the run started; skipped`);
    return undefined;
  }
  if (start.from === 'folder') notes.push(`${label}: start time taken from the folder name, which wandb writes in the machine's local time: check it`);
  const end = endOf(read, start.millis);
  const summary = run.summary ?? (log && Object.keys(log.summary).length ? log.summary : undefined);
  const config = run.config ?? (log && withoutBookkeeping(log.config));
  const parameters = config ? flattenParameters(withoutBookkeeping(config)) : {};
  const history = read.history;
  const final = history?.final();
  const metrics = { ...(final?.values ?? {}), ...(summary ? numericLeaves(summary) : {}) };
  const title = log?.displayName || run.metadata?.name || `W&B run ${run.id}`;
  const notesText = log?.notes || run.metadata?.notes || undefined;
  const tags = runTags(read);
  const fields = {
    title,
    ...(notesText && { description: notesText }),
    ...(context.project && { project: context.project }),
    runStatus: status(read, summary, label, notes),
    startTime: isoFromMillis(start.millis),
    ...(end !== undefined && end >= start.millis && { endTime: isoFromMillis(end) }),
    agents: runAgents(context.catalog, run.metadata?.username, 'W&B', notes),
    code: code(run.metadata, log, label, notes),
    environment: environment(read),
    ...(Object.keys(parameters).length && { parameters }),
    ...(Object.keys(metrics).length && { metrics }),
    ...(tags.length && { tags }),
  };
  return {
    key: `run ${run.id}`,
    type: 'run',
    origin: { tool: 'wandb', id: run.id },
    name: title === `W&B run ${run.id}` ? `wandb-${run.id}` : title,
    fields: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    attachments: history?.hasHistory ? [history.attachment()] : undefined,
    body: `Imported from W&B run ${run.id}${run.offline ? ' (logged offline)' : ''}. Say here what the run was for and what it showed.`,
  };
}
