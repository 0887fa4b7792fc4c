/**
 * `npm run import -- dvc <repository>`: the pipeline of dvc.yaml as a
 * workflow, the execution dvc.lock records as a run of it, and one step run
 * per stage that dvc.lock records, with the command, the parameters it ran
 * with, its metrics files, and its dependencies and outputs carrying their
 * md5 digests.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { mediaTypeOf, fileUrl } from '../media-types.ts';
import { isoFromMillis, isRecord, problemAt, readJson, readYaml, unsafePathReason } from '../source-files.ts';
import { failed, ref, type ImportContext, type Importer, type ImportPlan, type ImportProblem, type PlannedRecord } from '../types.ts';
import { flattenParameters, numericLeaves, type Scalar } from '../values.ts';
import { gitFacts, type GitFacts } from './git.ts';
import { entryPath, readPipeline, type Lock, type LockedFile, type Pipeline } from './pipeline.ts';
import { defaultRemoteUrl, remoteFileUrl } from './remote.ts';
import { addWorkspaceSizes } from './workspace-sizes.ts';
import { EXECUTION_KEY, executionId, executionRecord, workflowRecord } from './workflow.ts';
import type { FileEntry } from '../../schema/index.ts';

const DEFAULT_PARAMS = 'params.yaml';

interface Where {
  repository: string;
  /** Where files are downloaded: --files-url mirrors the repository, else the http(s) remote by content. */
  filesUrl?: string;
  remote?: string;
  git: GitFacts;
  /** Paths DVC tracks (outputs of stages and .dvc files), which the remote holds. */
  tracked: Set<string>;
}

/** Paths in dvc.lock and dvc.yaml's metrics must stay in the repository; URLs (external dependencies) may point anywhere. */
function pathProblems(pipeline: Pipeline, lock: Lock, repository: string, lockPath: string): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const [stage, { metrics = [] }] of Object.entries(pipeline.stages)) {
    for (const entry of metrics ?? []) {
      const reason = unsafePathReason(entryPath(entry));
      if (reason) problems.push(problemAt(join(repository, 'dvc.yaml'), `stages.${stage}.metrics: "${entryPath(entry)}" ${reason}`, { field: `stages.${stage}.metrics` }));
    }
  }
  for (const [stage, locked] of Object.entries(lock.stages)) {
    for (const kind of ['deps', 'outs'] as const) {
      (locked[kind] ?? []).forEach((file, index) => {
        const reason = /^[a-z][a-z0-9+.-]*:\/\//i.test(file.path) ? undefined : unsafePathReason(file.path);
        if (reason) problems.push(problemAt(lockPath, `stages.${stage}.${kind}[${index}].path "${file.path}" ${reason}`, { field: `stages.${stage}.${kind}` }));
      });
    }
  }
  return problems;
}

function urlOf(file: LockedFile, where: Where): string | undefined {
  if (/^https?:\/\//.test(file.path)) return file.path;
  if (where.filesUrl) return fileUrl(where.filesUrl, file.path);
  const tracked = where.tracked.has(file.path) || existsSync(join(where.repository, `${file.path}.dvc`));
  return where.remote && tracked ? remoteFileUrl(where.remote, file) : undefined;
}

function outputFile(file: LockedFile, where: Where): FileEntry | undefined {
  const url = urlOf(file, where);
  if (!url || !file.md5 || file.md5.endsWith('.dir') || file.size === undefined) return undefined;
  return { name: file.path, url, mediaType: mediaTypeOf(file.path), size: file.size, md5: file.md5 };
}

function parameters(locked: Lock['stages'][string]): Record<string, Scalar> | undefined {
  const result: Record<string, Scalar> = {};
  for (const [file, values] of Object.entries(locked.params ?? {})) {
    // Parameters of the default params.yaml by key alone, of other files as file:key, the way `dvc params diff` shows them.
    const prefix = file === DEFAULT_PARAMS ? '' : `${file}:`;
    for (const [key, value] of Object.entries(flattenParameters(values))) result[`${prefix}${key}`] = value;
  }
  return Object.keys(result).length ? result : undefined;
}

function metrics(stage: Pipeline['stages'][string], where: Where, notes: string[], label: string): Record<string, number> | undefined {
  const result: Record<string, number> = {};
  for (const entry of stage.metrics ?? []) {
    const path = entryPath(entry);
    const absolute = join(where.repository, path);
    if (!existsSync(absolute)) {
      notes.push(`${label}: metrics file ${path} is not in the workspace (dvc pull or dvc repro first); metrics left out`);
      continue;
    }
    const data = /\.ya?ml$/i.test(path) ? readYaml(absolute) : /\.json$/i.test(path) ? readJson(absolute) : undefined;
    if (!data || data.problems || !isRecord(data.value)) {
      notes.push(`${label}: metrics file ${path} is not a JSON or YAML mapping; metrics left out`);
      continue;
    }
    Object.assign(result, numericLeaves(data.value));
  }
  return Object.keys(result).length ? result : undefined;
}

function stageRun(name: string, step: string, stage: Pipeline['stages'][string], locked: Lock['stages'][string], where: Where, started: string, context: ImportContext, notes: string[]): PlannedRecord {
  const label = `DVC stage ${name}`;
  const command = Array.isArray(locked.cmd) ? locked.cmd.join(' && ') : locked.cmd;
  const deps = locked.deps ?? [];
  const inputs = deps.map((file) => urlOf(file, where)).filter((url): url is string => url !== undefined);
  const unlisted = deps.filter((file) => !urlOf(file, where)).map((file) => `${file.path} (md5 ${file.md5 ?? '?'})`);
  if (unlisted.length) notes.push(`${label}: dependencies without a download URL not listed as inputs: ${unlisted.join(', ')}; give --files-url to list them`);
  const outputs = (locked.outs ?? []).flatMap((file) => outputFile(file, where) ?? []);
  const skipped = (locked.outs ?? []).filter((file) => !outputFile(file, where)).map((file) => file.path);
  if (skipped.length) notes.push(`${label}: outputs not listed (folders, or no URL or size known): ${skipped.join(', ')}`);
  const { repository, commit } = where.git;
  const fields = {
    title: `DVC stage ${name}`,
    description: `Stage "${name}" of the DVC pipeline in ${repository ?? basename(where.repository)}, run as \`${command}\`.`,
    ...(context.project && { project: context.project }),
    parent: ref(EXECUTION_KEY),
    step,
    runStatus: 'finished',
    startTime: started,
    ...(repository && commit && { code: { repository, commit, entryPoint: command } }),
    parameters: parameters(locked),
    inputs: inputs.length ? [...new Set(inputs)] : undefined,
    outputs: outputs.length ? outputs : undefined,
    metrics: metrics(stage, where, notes, label),
  };
  return {
    key: `stage ${name}`,
    type: 'run',
    origin: { tool: 'dvc', id: `${executionId(where.repository, where.git)}#${name}` },
    name,
    fields: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    body: `Imported from DVC stage \`${name}\`. Say here what the stage does.`,
  };
}

function dvcPlan(pipeline: Pipeline, lock: Lock, lockPath: string, repository: string, context: ImportContext): ImportPlan {
  const notes: string[] = [];
  const git = gitFacts(repository);
  const remote = defaultRemoteUrl(repository);
  const tracked = new Set(Object.values(lock.stages).flatMap((stage) => (stage.outs ?? []).map((file) => file.path)));
  const where: Where = { repository, filesUrl: context.filesUrl, remote, git, tracked };
  const started = git.lockCommitted ? isoFromMillis(Date.parse(git.lockCommitted)) : isoFromMillis(Math.floor(statSync(lockPath).mtimeMs / 1000) * 1000);
  notes.push(`DVC records no run times: startTime is when dvc.lock was last ${git.lockCommitted ? 'committed' : 'written'}; correct it if you know when the stages ran`);
  const records: PlannedRecord[] = [workflowRecord(pipeline, repository, git, context, notes), executionRecord(repository, git, started, context)];
  for (const [name, stage] of Object.entries(pipeline.stages)) {
    // foreach/matrix stages are locked as name@key, one run per generated stage, all runs of the one step.
    const lockedNames = Object.keys(lock.stages).filter((locked) => locked === name || locked.startsWith(`${name}@`));
    if (!lockedNames.length) notes.push(`DVC stage ${name}: not in dvc.lock (never run); skipped, so the run's Provenance Run Crate lacks this step`);
    for (const locked of lockedNames) records.push(stageRun(locked, name, stage, lock.stages[locked]!, where, started, context, notes));
  }
  return { records, notes };
}

export const dvcImporter: Importer = {
  name: 'dvc',
  source: 'a DVC repository (dvc.yaml and dvc.lock, DVC 1.0 or later)',
  async plan(path, context) {
    const repository = resolve(path);
    if (!existsSync(repository) || !statSync(repository).isDirectory()) return failed(problemAt(repository, 'is not a folder'));
    const read = readPipeline(repository);
    if (read.problems) return failed(...read.problems);
    const { pipeline, lock, lockPath } = read.value;
    const unsafe = pathProblems(pipeline, lock, repository, lockPath);
    if (unsafe.length) return failed(...unsafe);
    await addWorkspaceSizes(repository, lock);
    return { plan: dvcPlan(pipeline, lock, lockPath, repository, context) };
  },
};
