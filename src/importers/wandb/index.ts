/**
 * `npm run import -- wandb <wandb folder | run folder>`: every W&B run below
 * the path (latest-run left out as the duplicate it is), each read from the
 * files wandb keeps beside it and from its binary log (run-record.ts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { problemAt } from '../source-files.ts';
import { failed, type ImportContext, type Importer, type ImportPlan, type ImportProblem, type PlannedRecord } from '../types.ts';
import { readRunFolder } from './files.ts';
import { readHistoryFile } from './history-file.ts';
import { findRunFolders } from './run-folders.ts';
import { startMillis, wandbRunRecord, type ReadRun } from './run-record.ts';
import { readTransactionLog } from './transaction-log.ts';

async function readRun(folder: string, problems: ImportProblem[], notes: string[]): Promise<ReadRun | undefined> {
  const run = readRunFolder(folder);
  if (run.problems) {
    problems.push(...run.problems);
    return undefined;
  }
  const { metadata, historyFile, logFile } = run.value;
  if (metadata?.startedAt && Number.isNaN(startMillis(metadata.startedAt))) {
    problems.push(problemAt(resolve(folder, 'files', 'wandb-metadata.json'), `startedAt: "${metadata.startedAt}" is not a date-time`, { field: 'startedAt' }));
    return undefined;
  }
  const log = logFile ? readTransactionLog(logFile) : undefined;
  const file = historyFile ? await readHistoryFile(historyFile) : undefined;
  if (file?.stop) notes.push(`W&B run ${run.value.id}: wandb-history.jsonl stopped at line ${file.stop.line}: ${file.stop.reason}; the rows before it are imported`);
  // The binary log holds the whole history; wandb-history.jsonl is the only one before 0.10.
  const history = log?.history.names.length ? log.history : file?.history;
  return { run: run.value, log, history, lastTimestamp: log?.lastTimestamp ?? file?.lastTimestamp };
}

async function wandbPlan(folders: string[], context: ImportContext): Promise<{ plan?: ImportPlan; problems: ImportProblem[] }> {
  const notes: string[] = [];
  const problems: ImportProblem[] = [];
  const records: PlannedRecord[] = [];
  for (const [index, folder] of folders.entries()) {
    context.progress?.(index, folders.length, 'W&B runs read');
    const read = await readRun(folder, problems, notes);
    const record = read && wandbRunRecord(read, context, notes);
    if (record) records.push(record);
  }
  context.progress?.(folders.length, folders.length, 'W&B runs read');
  return problems.length ? { problems } : { plan: { records, notes }, problems };
}

export const wandbImporter: Importer = {
  name: 'wandb',
  source: 'a wandb/ folder (every run below it) or one W&B run folder (run-<date>_<time>-<id>/, offline-run-…/)',
  async plan(path, context) {
    const folder = resolve(path);
    if (!existsSync(folder)) return failed(problemAt(folder, 'not found'));
    const { folders, duplicates } = findRunFolders(folder);
    if (!folders.length) {
      return failed(problemAt(folder, 'is not a W&B run folder and holds none: no config.yaml, wandb-metadata.json, wandb-summary.json, wandb-history.jsonl or run-<id>.wandb in a run folder'));
    }
    const planned = await wandbPlan(folders, context);
    if (!planned.plan) return failed(...planned.problems);
    for (const duplicate of duplicates) planned.plan.notes.push(`${duplicate}: latest-run stands for a run imported under its own folder; left out`);
    return { plan: planned.plan };
  },
};
