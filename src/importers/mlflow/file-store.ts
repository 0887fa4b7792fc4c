/**
 * MLflow's file store (mlruns/): per experiment a folder with meta.yaml, tags/
 * and datasets/; per run a folder with meta.yaml, params/, metrics/, tags/
 * (keys containing "/" as subfolders), inputs/ and artifacts/. Deleted
 * experiments wait in .trash/ and are left out, as are deleted runs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { MetricSeries, parseMetricValue } from '../metric-history.ts';
import { fileLinesSync, problemAt, readYaml } from '../source-files.ts';
import type { ImportContext, ImportProblem, Read } from '../types.ts';
import { sourceDigest } from '../source-digest.ts';
import { validateSource } from '../validate-source.ts';
import { listArtifacts } from './artifacts.ts';
import { statusNames, systemTags, type MlflowDatasetInput, type MlflowExperiment, type MlflowRun, type MlflowStore } from './model.ts';

const META = 'meta.yaml';
/** Folders of the store root and of an experiment that are not experiments or runs. */
const RESERVED_ROOT = new Set(['.trash', 'models']);
const RESERVED_EXPERIMENT = new Set(['tags', 'datasets', 'traces', 'models']);

const id = z.union([z.string().min(1), z.number().int()]).transform(String);
const millis = z.number().int().nonnegative().nullish();

const experimentMeta = z.object({
  experiment_id: id,
  name: z.string().min(1),
  lifecycle_stage: z.enum(['active', 'deleted']).optional(),
  creation_time: millis,
});

const runMeta = z.object({
  run_uuid: z.string().min(1).optional(),
  run_id: z.string().min(1).optional(),
  experiment_id: id,
  run_name: z.string().nullish(),
  status: z.number().int().refine((code) => code in statusNames, 'must be a run status code 1–5').optional(),
  start_time: millis,
  end_time: millis,
  user_id: z.string().nullish(),
  lifecycle_stage: z.enum(['active', 'deleted']).optional(),
});

const inputMeta = z.object({ source_type: z.string(), source_id: z.string().min(1), tags: z.record(z.string(), z.string()).nullish() });
const datasetMeta = z.object({ name: z.string(), digest: z.string(), source_type: z.string(), source: z.string() });

function readMeta<S extends z.ZodType>(folder: string, schema: S): Read<z.infer<S>> {
  const path = join(folder, META);
  const data = readYaml(path, `${META} (required in every MLflow experiment and run folder)`);
  return data.problems ? data : validateSource(schema, data.value, path);
}

function subfolders(folder: string, reserved: ReadonlySet<string>): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !reserved.has(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => join(folder, entry.name))
    .sort();
}

/** Files under a folder by their key: the path below it, "/" for subfolders. */
function keyedFiles(folder: string): [string, string][] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [relative(folder, path).split(sep).join('/'), path] as [string, string];
    })
    .sort(([a], [b]) => a.localeCompare(b));
}

function readValues(folder: string): Record<string, string> {
  return Object.fromEntries(keyedFiles(folder).map(([key, path]) => [key, readFileSync(path, 'utf8')]));
}

/** A metric value as MLflow writes it: Python's repr of a float, nan and inf included; with the text where Number() reads it. */
function metricValue(text: string): { value?: number; text?: string } {
  const value = Number(text);
  return text !== '' && !Number.isNaN(value) ? { value, text } : { value: parseMetricValue(text) };
}

/**
 * Metric files hold one "<timestamp ms> <value> [<step>]" line per logged
 * value (no step before MLflow 1.0: step 0); read in chunks, since a store may
 * hold millions of them.
 */
function readMetrics(folder: string, problems: ImportProblem[]): MetricSeries {
  const series = new MetricSeries();
  for (const [metric, path] of keyedFiles(folder)) {
    let number = 0;
    for (const raw of fileLinesSync(path)) {
      number++;
      const line = raw.trim();
      if (line === '') continue;
      const parts = line.split(' ');
      const [timestamp, value, step = '0'] = parts;
      const time = Number(timestamp);
      const parsed = metricValue(value!);
      const stepNumber = Number(step);
      const problem = (message: string) => problems.push(problemAt(path, `metric "${metric}": ${message}`, { line: number }));
      if (parts.length !== 2 && parts.length !== 3) problem(`"${line}" has ${parts.length} fields; expected "<timestamp> <value> <step>"`);
      else if (!Number.isSafeInteger(time)) problem(`timestamp "${timestamp}" is not a whole number`);
      else if (parsed.value === undefined) problem(`value "${value}" is not a number`);
      else if (!Number.isSafeInteger(stepNumber)) problem(`step "${step}" is not a whole number`);
      else {
        series.add(metric, stepNumber, time, parsed.value, parsed.text);
        continue;
      }
      break;
    }
  }
  return series;
}

function readInputs(runFolder: string, experimentFolder: string, problems: ImportProblem[]): MlflowDatasetInput[] {
  const inputs: MlflowDatasetInput[] = [];
  const folder = join(runFolder, 'inputs');
  if (!existsSync(folder)) return inputs;
  for (const inputFolder of subfolders(folder, new Set())) {
    const input = readMeta(inputFolder, inputMeta);
    if (input.problems) {
      problems.push(...input.problems);
      continue;
    }
    if (input.value.source_type !== 'DATASET') continue;
    const datasetFolder = join(experimentFolder, 'datasets', input.value.source_id);
    const dataset = readMeta(datasetFolder, datasetMeta);
    if (dataset.problems) {
      problems.push(...dataset.problems);
      continue;
    }
    const { name, digest, source_type: sourceType, source } = dataset.value;
    inputs.push({ name, digest, sourceType, source, context: input.value.tags?.[systemTags.datasetContext] });
  }
  return inputs;
}

/** A run of the experiment whose folder holds it, as MLflow lists them, whatever id its meta.yaml repeats. */
interface StoreReading {
  root: string;
  scratch: string;
  context: ImportContext;
  problems: ImportProblem[];
}

function readRun(folder: string, experiment: { id: string; folder: string }, { root, scratch, context, problems }: StoreReading): MlflowRun | undefined {
  const meta = readMeta(folder, runMeta);
  if (meta.problems) {
    problems.push(...meta.problems);
    return undefined;
  }
  const info = meta.value;
  if (info.lifecycle_stage === 'deleted') return undefined;
  const tags = readValues(join(folder, 'tags'));
  const id = info.run_id ?? info.run_uuid ?? folder.slice(folder.lastIndexOf(sep) + 1);
  // The run folder and the experiment's datasets/ are all a run record is made of, with the options that shape it.
  const digest = sourceDigest(root, [folder, join(experiment.folder, 'datasets')], ['mlflow file store', context.filesUrl ?? '', context.project ?? '']);
  const sourceUnchanged = context.importedSource?.('mlflow', id) === digest;
  return {
    id,
    sourceDigest: digest,
    sourceUnchanged,
    experimentId: experiment.id,
    name: info.run_name || tags[systemTags.runName] || undefined,
    status: statusNames[info.status ?? 1]!,
    startTime: info.start_time ?? undefined,
    endTime: info.end_time ?? undefined,
    userId: info.user_id || tags[systemTags.user] || undefined,
    params: readValues(join(folder, 'params')),
    tags,
    // Metrics and artifacts are most of the reading: passed over where the record already holds them.
    metrics: sourceUnchanged ? new MetricSeries() : readMetrics(join(folder, 'metrics'), problems).spill(join(scratch, `${id}.csv`)),
    inputs: readInputs(folder, experiment.folder, problems),
    artifacts: sourceUnchanged ? [] : listArtifacts(join(folder, 'artifacts'), root, problems),
  };
}

export function readFileStore(root: string, scratch: string, context: ImportContext): Read<MlflowStore> {
  const problems: ImportProblem[] = [];
  const reading: StoreReading = { root, scratch, context, problems };
  const store: MlflowStore = { experiments: [], runs: [] };
  for (const folder of subfolders(root, RESERVED_ROOT)) {
    const meta = readMeta(folder, experimentMeta);
    if (meta.problems) {
      problems.push(...meta.problems);
      continue;
    }
    if (meta.value.lifecycle_stage === 'deleted') continue;
    const experiment: MlflowExperiment = {
      id: meta.value.experiment_id,
      name: meta.value.name,
      creationTime: meta.value.creation_time ?? undefined,
      tags: readValues(join(folder, 'tags')),
    };
    store.experiments.push(experiment);
    const runFolders = subfolders(folder, RESERVED_EXPERIMENT);
    for (const [index, runFolder] of runFolders.entries()) {
      context.progress?.(index, runFolders.length, `runs read of MLflow experiment "${experiment.name}"`);
      const run = readRun(runFolder, { id: experiment.id, folder }, reading);
      if (run) store.runs.push(run);
    }
  }
  if (!problems.length && !store.experiments.length) problems.push(problemAt(root, 'no MLflow experiment folder (with meta.yaml) found here'));
  return problems.length ? { problems } : { value: store };
}
