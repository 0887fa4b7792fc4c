/**
 * `npm run import -- wandb <run folder>`: a W&B run, online or offline, from
 * the files wandb keeps beside it: config → parameters, summary → final
 * metrics, metadata → times, git commit, program and arguments, Python and GPU.
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { runAgents } from '../people.ts';
import { isoFromMillis, problemAt } from '../source-files.ts';
import { failed, type ImportContext, type Importer, type ImportPlan } from '../types.ts';
import { isFullCommit, repositoryUrl } from '../repositories.ts';
import { flattenParameters, numericLeaves } from '../values.ts';
import { readRunFolder, type WandbMetadata, type WandbRun } from './files.ts';

/** Libraries worth naming as the run's frameworks, as requirements.txt spells them. */
const FRAMEWORKS = ['torch', 'tensorflow', 'jax', 'keras', 'transformers', 'lightning', 'pytorch-lightning', 'scikit-learn', 'xgboost', 'lightgbm'];

/** wandb writes startedAt in UTC, older versions without a zone. */
function startMillis(startedAt: string): number {
  return Date.parse(/(?:Z|[+-]\d{2}:\d{2})$/.test(startedAt) ? startedAt : `${startedAt}Z`);
}

function environment(run: WandbRun) {
  const { metadata, wandbConfig, requirements } = run;
  const python = (metadata.python ?? (wandbConfig['python_version'] as string | undefined))?.replace(/^CPython\s*/, '');
  const gpus = metadata.gpu_nvidia ?? metadata.gpu_devices ?? [];
  const gpu = metadata.gpu ?? gpus[0]?.name;
  const count = metadata.gpu_count ?? gpus.length;
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

function code(metadata: WandbMetadata, label: string, notes: string[]) {
  const repository = repositoryUrl(metadata.git?.remote);
  const commit = metadata.git?.commit;
  const program = metadata.codePath ?? metadata.codePathLocal ?? (metadata.program && basename(metadata.program));
  const entryPoint = program && [program, ...(metadata.args ?? [])].join(' ');
  if (repository && isFullCommit(commit)) return { repository, commit, ...(entryPoint && { entryPoint }) };
  if (commit) notes.push(`${label}: git commit recorded without a usable repository URL; code left out`);
  return undefined;
}

function endMillis(summary: Record<string, unknown> | undefined, start: number): number | undefined {
  const runtime = (summary?.['_wandb'] as { runtime?: unknown } | undefined)?.runtime ?? summary?.['_runtime'];
  if (typeof runtime === 'number') return start + Math.round(runtime * 1000);
  const last = summary?.['_timestamp'];
  return typeof last === 'number' ? Math.round(last * 1000) : undefined;
}

function wandbPlan(run: WandbRun, context: ImportContext): ImportPlan {
  const notes: string[] = [];
  const label = `W&B run ${run.id}`;
  const start = startMillis(run.metadata.startedAt);
  const end = endMillis(run.summary, start);
  const parameters = flattenParameters(run.config);
  const metrics = run.summary ? numericLeaves(run.summary) : {};
  notes.push(
    run.summary
      ? `${label}: W&B keeps the exit status and display name only in its binary log; runStatus is "finished" because the run wrote its summary, and the title is the run id: check both`
      : `${label}: no wandb-summary.json yet, so the run counts as running`,
  );
  const fields = {
    title: `W&B run ${run.id}`,
    ...(context.project && { project: context.project }),
    runStatus: run.summary ? 'finished' : 'running',
    startTime: isoFromMillis(start),
    ...(end !== undefined && { endTime: isoFromMillis(end) }),
    agents: runAgents(context.catalog, run.metadata.username, 'W&B', notes),
    code: code(run.metadata, label, notes),
    environment: environment(run),
    ...(Object.keys(parameters).length && { parameters }),
    ...(Object.keys(metrics).length && { metrics }),
    ...(run.offline && { tags: ['offline'] }),
  };
  return {
    records: [
      {
        key: `run ${run.id}`,
        type: 'run',
        origin: { tool: 'wandb', id: run.id },
        name: `wandb-${run.id}`,
        fields: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
        body: `Imported from W&B run ${run.id}${run.offline ? ' (logged offline)' : ''}. Say here what the run was for and what it showed.`,
      },
    ],
    notes,
  };
}

export const wandbImporter: Importer = {
  name: 'wandb',
  source: 'a W&B run folder (wandb/run-<date>_<time>-<id>/ or offline-run-…/)',
  async plan(path, context) {
    const folder = resolve(path);
    if (!existsSync(folder)) return failed(problemAt(folder, 'not found'));
    const run = readRunFolder(folder);
    if (run.problems) return failed(...run.problems);
    if (Number.isNaN(startMillis(run.value.metadata.startedAt))) {
      return failed(problemAt(resolve(folder, 'files', 'wandb-metadata.json'), `startedAt: "${run.value.metadata.startedAt}" is not a date-time`, { field: 'startedAt' }));
    }
    return { plan: wandbPlan(run.value, context) };
  },
};
