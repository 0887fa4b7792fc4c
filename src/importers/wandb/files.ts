/**
 * A W&B run folder as wandb writes it locally, online or offline, at every
 * version: wandb/run-<date>_<time>-<id>/ (offline-run-… offline, dryrun-… in
 * 0.8–0.9) holding config.yaml, wandb-summary.json, wandb-metadata.json and
 * requirements.txt, in files/ since 0.10 and directly in the folder before,
 * with wandb-history.jsonl (0.8–0.9) or the binary run-<id>.wandb log
 * (0.10 on). Every one of them may be missing: an aborted run may leave only
 * its metadata, an offline run never synced only its binary log.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { isRecord, problemAt, readJson, readYaml } from '../source-files.ts';
import type { ImportProblem, Read } from '../types.ts';
import { validateSource } from '../validate-source.ts';

export const RUN_FOLDER = /^(?:offline-run|run|dryrun)-\d{8}_\d{6}-([a-z0-9]+)$/;
const RUN_LOG = /^run-([a-z0-9]+)\.wandb$/;

const metadataSchema = z.looseObject({
  startedAt: z.string().min(1).optional(),
  heartbeatAt: z.string().optional(),
  program: z.string().optional(),
  codePath: z.string().optional(),
  codePathLocal: z.string().optional(),
  args: z.array(z.string()).optional(),
  git: z.looseObject({ remote: z.string().nullish(), commit: z.string().nullish() }).nullish(),
  python: z.string().optional(),
  username: z.string().optional(),
  gpu: z.string().optional(),
  gpu_count: z.number().int().optional(),
  gpu_nvidia: z.array(z.looseObject({ name: z.string() })).optional(),
  gpu_devices: z.array(z.looseObject({ name: z.string() })).optional(),
  /** wandb 0.8–0.9 kept the display name, notes, state and exit code here too. */
  name: z.string().nullish(),
  notes: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  state: z.string().nullish(),
  exitcode: z.number().int().nullish(),
  jobType: z.string().nullish(),
});

export type WandbMetadata = z.infer<typeof metadataSchema>;

export interface WandbRun {
  id: string;
  folder: string;
  offline: boolean;
  /** Configuration values without the {desc, value} wrapping, _wandb left out; undefined without config.yaml. */
  config?: Record<string, unknown>;
  /** wandb's own bookkeeping in the config: python_version, cli_version, start_time. */
  wandbConfig: Record<string, unknown>;
  summary?: Record<string, unknown>;
  metadata?: WandbMetadata;
  /** Lines of requirements.txt, "name==version". */
  requirements: string[];
  /** wandb-history.jsonl (0.8–0.9): one JSON row per step. */
  historyFile?: string;
  /** run-<id>.wandb (0.10 on): the binary record log. */
  logFile?: string;
}

/** Where the run's files are: files/ since wandb 0.10, the run folder itself before. */
function filesFolder(folder: string): string {
  const files = join(folder, 'files');
  return existsSync(join(files, 'config.yaml')) || existsSync(join(files, 'wandb-metadata.json')) || existsSync(join(files, 'wandb-summary.json')) ? files : folder;
}

function runLog(folder: string): { id: string; file: string } | undefined {
  const name = existsSync(folder) ? readdirSync(folder).find((entry) => RUN_LOG.test(entry)) : undefined;
  return name ? { id: RUN_LOG.exec(name)![1]!, file: join(folder, name) } : undefined;
}

/** The run id: from the folder name, else from the binary log's name. */
export function runIdOf(folder: string): string | undefined {
  const match = RUN_FOLDER.exec(basename(folder));
  return match ? match[1] : runLog(folder)?.id;
}

/** Whether a folder holds any file of a W&B run. */
export function looksLikeRunFolder(folder: string): boolean {
  const files = filesFolder(folder);
  return Boolean(runLog(folder)) || ['config.yaml', 'wandb-metadata.json', 'wandb-summary.json', 'wandb-history.jsonl'].some((name) => existsSync(join(files, name)));
}

/**
 * config.yaml maps each key to {desc, value} (wandb before 0.17) or {value};
 * `wandb_version: 1` heads the old form.
 */
function unwrapConfig(data: unknown, path: string): Read<{ config: Record<string, unknown>; wandbConfig: Record<string, unknown> }> {
  if (!isRecord(data)) return { problems: [problemAt(path, 'is not a mapping of configuration keys')] };
  const config: Record<string, unknown> = {};
  const problems: ImportProblem[] = [];
  let wandbConfig: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(data)) {
    if (key === 'wandb_version') continue;
    if (!isRecord(entry) || !('value' in entry)) {
      problems.push(problemAt(path, `"${key}" is not in W&B's {value: …} form`, { field: key }));
      continue;
    }
    if (key === '_wandb') wandbConfig = isRecord(entry['value']) ? entry['value'] : {};
    else config[key] = entry['value'];
  }
  return problems.length ? { problems } : { value: { config, wandbConfig } };
}

function optionalJson(path: string, problems: ImportProblem[]): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  const data = readJson(path);
  if (data.problems) problems.push(...data.problems);
  else if (!isRecord(data.value)) problems.push(problemAt(path, 'is not a JSON object'));
  else return data.value;
  return undefined;
}

export function readRunFolder(folder: string): Read<WandbRun> {
  const id = runIdOf(folder);
  if (!id || !looksLikeRunFolder(folder)) {
    return { problems: [problemAt(folder, 'is not a W&B run folder: it holds none of config.yaml, wandb-metadata.json, wandb-summary.json, wandb-history.jsonl or run-<id>.wandb')] };
  }
  const files = filesFolder(folder);
  const problems: ImportProblem[] = [];
  const configPath = join(files, 'config.yaml');
  let config: { config: Record<string, unknown>; wandbConfig: Record<string, unknown> } | undefined;
  if (existsSync(configPath)) {
    const data = readYaml(configPath);
    const unwrapped = data.problems ? data : unwrapConfig(data.value, configPath);
    if (unwrapped.problems) problems.push(...unwrapped.problems);
    else config = unwrapped.value;
  }
  const metadataPath = join(files, 'wandb-metadata.json');
  const metadataData = optionalJson(metadataPath, problems);
  const metadata = metadataData ? validateSource(metadataSchema, metadataData, metadataPath) : undefined;
  if (metadata?.problems) problems.push(...metadata.problems);
  const summary = optionalJson(join(files, 'wandb-summary.json'), problems);
  if (problems.length) return { problems };
  const requirementsPath = join(files, 'requirements.txt');
  const historyFile = join(files, 'wandb-history.jsonl');
  return {
    value: {
      id,
      folder,
      offline: /^(offline|dryrun)-/.test(basename(folder)),
      config: config?.config,
      wandbConfig: config?.wandbConfig ?? {},
      summary,
      metadata: metadata?.value,
      requirements: existsSync(requirementsPath) ? readFileSync(requirementsPath, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean) : [],
      historyFile: existsSync(historyFile) ? historyFile : undefined,
      logFile: runLog(folder)?.file,
    },
  };
}
