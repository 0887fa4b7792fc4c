/**
 * MLflow runs as catalog records: each run a run record (parameters, final
 * metrics, metric history, times, status, user, parent, git, dataset
 * inputs, artifacts), each experiment a project, each dataset input that is
 * not on the web a dataset record.
 */
import { basename } from 'node:path';
import type { FileEntry } from '../../schema/index.ts';
import { fileUrl, mediaTypeOf } from '../media-types.ts';
import { runAgents, standInCreators } from '../people.ts';
import { isoFromMillis, sha256OfFile } from '../source-files.ts';
import { ref, type ImportContext, type ImportPlan, type PlannedRecord } from '../types.ts';
import { isFullCommit, repositoryUrl } from '../repositories.ts';
import { scalarFromText } from '../values.ts';
import { runStatuses, systemTags, type MlflowDatasetInput, type MlflowExperiment, type MlflowRun, type MlflowStore } from './model.ts';

const experimentKey = (id: string) => `experiment ${id}`;
const runKey = (id: string) => `run ${id}`;
const datasetKey = (input: MlflowDatasetInput) => `dataset ${input.name} ${input.digest}`;

function projectRecord(experiment: MlflowExperiment, context: ImportContext, notes: string[]): PlannedRecord {
  const label = `MLflow experiment "${experiment.name}"`;
  return {
    key: experimentKey(experiment.id),
    type: 'project',
    origin: { tool: 'mlflow', id: `experiment/${experiment.id}` },
    name: experiment.name,
    fields: {
      title: experiment.name,
      summary: experiment.tags[systemTags.note]?.trim() || `Runs of the MLflow experiment "${experiment.name}".`,
      creators: standInCreators(context.catalog, label, notes),
      ...(experiment.creationTime !== undefined && { startDate: isoFromMillis(experiment.creationTime).slice(0, 10) }),
    },
    body: `Imported from MLflow experiment ${experiment.id}. Say here what the project is about.`,
  };
}

/** Where an input dataset is on the web, if MLflow's source description says. */
function datasetUrl(input: MlflowDatasetInput): string | undefined {
  let source: Record<string, unknown> = {};
  try {
    source = JSON.parse(input.source) as Record<string, unknown>;
  } catch {
    // Not JSON: nothing to read a URL from.
  }
  if (input.sourceType === 'hugging_face' && typeof source['path'] === 'string') return `https://huggingface.co/datasets/${source['path']}`;
  const uri = source['url'] ?? source['uri'];
  return typeof uri === 'string' && /^https?:\/\//.test(uri) ? uri : undefined;
}

function datasetRecord(input: MlflowDatasetInput, project: unknown, context: ImportContext, notes: string[]): PlannedRecord {
  return {
    key: datasetKey(input),
    type: 'dataset',
    origin: { tool: 'mlflow', id: `dataset/${input.name}/${input.digest}` },
    name: input.name,
    fields: {
      title: input.name,
      description: `Dataset "${input.name}" as logged by MLflow (digest ${input.digest}, ${input.sourceType} source ${input.source}).`,
      ...(project !== undefined && { project }),
      creators: standInCreators(context.catalog, `MLflow dataset "${input.name}"`, notes),
    },
    body: 'Imported from an MLflow dataset input. Describe the data, its files and its licence here.',
  };
}

async function outputs(run: MlflowRun, filesUrl: string | undefined, label: string, notes: string[]): Promise<FileEntry[] | undefined> {
  if (!run.artifacts.length) return undefined;
  if (!filesUrl) {
    notes.push(`${label}: ${run.artifacts.length} artifact(s) not listed as outputs; give --files-url <URL where the tracking folder is published> to list them`);
    return undefined;
  }
  const files: FileEntry[] = [];
  for (const artifact of run.artifacts) {
    files.push({ name: artifact.path, url: fileUrl(filesUrl, artifact.sourcePath), mediaType: mediaTypeOf(artifact.path), size: artifact.size, sha256: await sha256OfFile(artifact.absolute) });
  }
  return files;
}

function code(run: MlflowRun, label: string, notes: string[]) {
  const commit = run.tags[systemTags.gitCommit];
  const repository = repositoryUrl(run.tags[systemTags.gitRepository] ?? run.tags[systemTags.gitRepositoryLegacy]);
  const source = run.tags[systemTags.sourceName];
  const entryPoint = run.tags[systemTags.entryPoint] ?? (source ? basename(source) : undefined);
  if (isFullCommit(commit) && repository) return { repository, commit, ...(entryPoint && { entryPoint }) };
  if (commit) notes.push(`${label}: git commit ${commit} recorded without a repository URL; code left out`);
  return undefined;
}

async function runRecord(run: MlflowRun, project: unknown, context: ImportContext, notes: string[], plan: Map<string, PlannedRecord>): Promise<PlannedRecord | undefined> {
  const label = `MLflow run ${run.name ?? run.id}`;
  const origin = { tool: 'mlflow' as const, id: run.id };
  if (run.startTime === undefined) {
    notes.push(`${label}: has not started (no start time); skipped`);
    return undefined;
  }
  const inputs = run.inputs.map((input) => {
    const url = datasetUrl(input);
    if (url) return url;
    if (!plan.has(datasetKey(input))) plan.set(datasetKey(input), datasetRecord(input, project, context, notes));
    return ref(datasetKey(input));
  });
  if (run.sourceUnchanged) return { key: runKey(run.id), type: 'run', origin, name: run.name ?? run.id, fields: {}, sourceDigest: run.sourceDigest, sourceUnchanged: true };
  const parent = run.tags[systemTags.parentRun];
  const userTags = Object.entries(run.tags)
    .filter(([key]) => !key.startsWith('mlflow.'))
    .map(([key, value]) => (value ? `${key}=${value}` : key));
  const final = run.metrics.final();
  const metrics = run.latest ?? final.values;
  if (final.nonFinite.length) notes.push(`${label}: final value of ${final.nonFinite.join(', ')} is not a number (nan/inf); left out of metrics, kept in the history`);
  const files = await outputs(run, context.filesUrl, label, notes);
  return {
    key: runKey(run.id),
    type: 'run',
    origin,
    sourceDigest: run.sourceDigest,
    name: run.name ?? `mlflow-${run.id.slice(0, 8)}`,
    fields: {
      title: run.name ?? `MLflow run ${run.id}`,
      ...(run.tags[systemTags.note] && { description: run.tags[systemTags.note] }),
      ...(project !== undefined && { project }),
      runStatus: runStatuses[run.status],
      startTime: isoFromMillis(run.startTime),
      ...(run.endTime !== undefined && { endTime: isoFromMillis(run.endTime) }),
      agents: runAgents(context.catalog, run.userId, 'MLflow', notes),
      code: code(run, label, notes),
      parameters: Object.keys(run.params).length ? Object.fromEntries(Object.entries(run.params).map(([key, value]) => [key, scalarFromText(value)])) : undefined,
      inputs: inputs.length ? inputs : undefined,
      outputs: files,
      metrics: Object.keys(metrics).length ? metrics : undefined,
      parent: parent ? ref(runKey(parent)) : undefined,
      tags: userTags.length ? userTags : undefined,
    },
    attachments: run.metrics.hasHistory ? [run.metrics.attachment()] : undefined,
    body: `Imported from MLflow run ${run.id}. Say here what the run was for and what it showed.`,
  };
}

function withoutUndefined(record: PlannedRecord): PlannedRecord {
  return { ...record, fields: Object.fromEntries(Object.entries(record.fields).filter(([, value]) => value !== undefined)) };
}

export async function mlflowPlan(store: MlflowStore, context: ImportContext): Promise<ImportPlan> {
  const notes: string[] = [];
  const planned = new Map<string, PlannedRecord>();
  const runIds = new Set(store.runs.filter((run) => run.startTime !== undefined).map((run) => run.id));
  for (const experiment of store.experiments) {
    const runs = store.runs.filter((run) => run.experimentId === experiment.id);
    if (!runs.length) {
      notes.push(`MLflow experiment "${experiment.name}" (${experiment.id}): holds no active run; no project made for it`);
      continue;
    }
    if (!context.project) planned.set(experimentKey(experiment.id), projectRecord(experiment, context, notes));
    const project = context.project ?? ref(experimentKey(experiment.id));
    for (const run of runs) {
      const parent = run.tags[systemTags.parentRun];
      if (parent && !runIds.has(parent)) {
        notes.push(`MLflow run ${run.name ?? run.id}: parent run ${parent} is not imported (not in this store, or not started); parent left out`);
        delete run.tags[systemTags.parentRun];
      }
      const record = await runRecord(run, project, context, notes, planned);
      if (record) planned.set(record.key, record);
    }
  }
  return { records: [...planned.values()].map(withoutUndefined), notes: [...new Set(notes)] };
}
