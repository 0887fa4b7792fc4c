/**
 * A W&B run folder as wandb writes it locally, online or offline:
 * wandb/run-<date>_<time>-<id>/ (offline-run-… offline) with files/config.yaml,
 * files/wandb-summary.json, files/wandb-metadata.json and
 * files/requirements.txt beside the binary run-<id>.wandb log.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { isRecord, problemAt, readJson, readYaml } from '../source-files.ts';
import type { ImportProblem, Read } from '../types.ts';
import { validateSource } from '../validate-source.ts';

const RUN_FOLDER = /^(offline-)?run-\d{8}_\d{6}-([a-z0-9]+)$/;
const RUN_LOG = /^run-([a-z0-9]+)\.wandb$/;

const metadataSchema = z.looseObject({
  startedAt: z.string().min(1),
  program: z.string().optional(),
  codePath: z.string().optional(),
  codePathLocal: z.string().optional(),
  args: z.array(z.string()).optional(),
  git: z.looseObject({ remote: z.string().optional(), commit: z.string().optional() }).optional(),
  python: z.string().optional(),
  username: z.string().optional(),
  gpu: z.string().optional(),
  gpu_count: z.number().int().optional(),
  gpu_nvidia: z.array(z.looseObject({ name: z.string() })).optional(),
  gpu_devices: z.array(z.looseObject({ name: z.string() })).optional(),
});

export type WandbMetadata = z.infer<typeof metadataSchema>;

export interface WandbRun {
  id: string;
  offline: boolean;
  /** Configuration values without the {desc, value} wrapping, _wandb left out. */
  config: Record<string, unknown>;
  /** wandb's own bookkeeping in the config: python_version, cli_version, start_time. */
  wandbConfig: Record<string, unknown>;
  summary?: Record<string, unknown>;
  metadata: WandbMetadata;
  /** Lines of requirements.txt, "name==version". */
  requirements: string[];
}

function runId(folder: string): string | undefined {
  const match = RUN_FOLDER.exec(basename(folder));
  if (match) return match[2];
  const log = existsSync(folder) ? readdirSync(folder).find((name) => RUN_LOG.test(name)) : undefined;
  return log ? RUN_LOG.exec(log)![1] : undefined;
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

export function readRunFolder(folder: string): Read<WandbRun> {
  const files = join(folder, 'files');
  const id = runId(folder);
  if (!id) return { problems: [problemAt(folder, 'is not a W&B run folder: its name is not run-<date>_<time>-<id> and it holds no run-<id>.wandb')] };
  const configPath = join(files, 'config.yaml');
  const metadataPath = join(files, 'wandb-metadata.json');
  const summaryPath = join(files, 'wandb-summary.json');
  const problems: ImportProblem[] = [];
  const configData = readYaml(configPath, 'config.yaml (W&B writes it to files/ of every run)');
  const config = configData.problems ? configData : unwrapConfig(configData.value, configPath);
  const metadataData = readJson(metadataPath, 'wandb-metadata.json (W&B writes it to files/ of every run)');
  const metadata = metadataData.problems ? metadataData : validateSource(metadataSchema, metadataData.value, metadataPath);
  const summaryData = existsSync(summaryPath) ? readJson(summaryPath) : undefined;
  if (summaryData?.value !== undefined && !isRecord(summaryData.value)) problems.push(problemAt(summaryPath, 'is not a JSON object'));
  problems.push(...(config.problems ?? []), ...(metadata.problems ?? []), ...(summaryData?.problems ?? []));
  if (problems.length || !config.value || !metadata.value) return { problems };
  const requirementsPath = join(files, 'requirements.txt');
  return {
    value: {
      id,
      offline: basename(folder).startsWith('offline-'),
      ...config.value,
      summary: summaryData?.value as Record<string, unknown> | undefined,
      metadata: metadata.value,
      requirements: existsSync(requirementsPath) ? readFileSync(requirementsPath, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean) : [],
    },
  };
}
