/**
 * A DVC repository's pipeline as DVC writes it: dvc.yaml (stages with cmd,
 * deps, params, outs, metrics) and dvc.lock, per stage the command run and
 * each dependency's and output's md5 (with size and, for folders, nfiles
 * since schema 2.0). DVC 1.x wrote dvc.lock without a `schema` key and with
 * the stages at the top level, and no sizes; DVC tells the two apart by that
 * key alone, and so does this reader.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { readYaml } from '../source-files.ts';
import type { Read } from '../types.ts';
import { validateSource } from '../validate-source.ts';

/** A dvc.yaml path entry: "path" or {path: {options}}. */
const pathEntry = z.union([z.string().min(1), z.record(z.string().min(1), z.unknown())]);

const stageSchema = z.looseObject({
  cmd: z.union([z.string(), z.array(z.string())]).optional(),
  deps: z.array(z.string()).nullish(),
  /** Keys of params.yaml, or {file: [keys]} for another parameters file. */
  params: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).nullish(),
  outs: z.array(pathEntry).nullish(),
  metrics: z.array(pathEntry).nullish(),
  foreach: z.unknown().optional(),
  matrix: z.unknown().optional(),
});

const pipelineSchema = z.looseObject({ stages: z.record(z.string(), stageSchema) });

const lockedFile = z.looseObject({
  path: z.string().min(1),
  /** DVC 3 names the algorithm; DVC 2 lock files have md5 alone. */
  hash: z.string().optional(),
  md5: z.string().regex(/^[0-9a-f]{32}(?:\.dir)?$/, 'must be an md5 digest (32 hex characters, ".dir" for folders)').optional(),
  size: z.number().int().nonnegative().optional(),
  nfiles: z.number().int().nonnegative().optional(),
});

const lockedStages = z.record(
  z.string(),
  z.looseObject({
    cmd: z.union([z.string(), z.array(z.string())]),
    deps: z.array(lockedFile).nullish(),
    params: z.record(z.string(), z.record(z.string(), z.unknown())).nullish(),
    outs: z.array(lockedFile).nullish(),
  }),
);

const lockSchema = z.looseObject({
  schema: z.literal('2.0', { error: 'must be "2.0" (DVC 2 and 3), or absent (DVC 1)' }),
  stages: lockedStages,
});

/** The DVC 1.x form: stage name → locked stage, nothing else. */
const lockV1Schema = lockedStages.transform((stages) => ({ schema: '2.0' as const, stages }));

/** Which form a lock file is in, as DVC decides it: by whether it has a `schema` key. */
function lockSchemaOf(data: unknown) {
  return data && typeof data === 'object' && !('schema' in data) ? lockV1Schema : lockSchema;
}

export type Pipeline = z.infer<typeof pipelineSchema>;
export type Lock = z.infer<typeof lockSchema>;
export type LockedFile = z.infer<typeof lockedFile>;

export function readPipeline(repository: string): Read<{ pipeline: Pipeline; lock: Lock; lockPath: string }> {
  const pipelinePath = join(repository, 'dvc.yaml');
  const lockPath = join(repository, 'dvc.lock');
  const pipelineData = readYaml(pipelinePath, 'dvc.yaml (the pipeline of a DVC repository)');
  const lockData = readYaml(lockPath, 'dvc.lock (written by `dvc repro`; run the pipeline first)');
  const pipeline = pipelineData.problems ? pipelineData : validateSource(pipelineSchema, pipelineData.value, pipelinePath);
  const lock = lockData.problems ? lockData : validateSource(lockSchemaOf(lockData.value), lockData.value, lockPath);
  if (pipeline.problems || lock.problems) return { problems: [...(pipeline.problems ?? []), ...(lock.problems ?? [])] };
  return { value: { pipeline: pipeline.value, lock: lock.value, lockPath } };
}

/** The path of a dvc.yaml outs/metrics entry. */
export function entryPath(entry: string | Record<string, unknown>): string {
  return typeof entry === 'string' ? entry : Object.keys(entry)[0]!;
}
