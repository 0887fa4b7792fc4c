/**
 * Writes an MLflow file store (mlruns/) as MLflow 2 lays it out: one
 * experiment, `runs` runs each with `params` parameters and `metrics` metrics
 * of `steps` steps ("<timestamp> <value> <step>" lines). Deterministic, so
 * benchmark runs compare.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MlflowStoreSize {
  runs: number;
  params: number;
  metrics: number;
  steps: number;
}

const START = 1_709_280_000_000;

export function writeMlflowStore(root: string, size: MlflowStoreSize): void {
  const experiment = join(root, '1');
  mkdirSync(experiment, { recursive: true });
  writeFileSync(join(experiment, 'meta.yaml'), `artifact_location: file://${experiment}\ncreation_time: ${START}\nexperiment_id: '1'\nlifecycle_stage: active\nname: bench\n`);
  for (let run = 0; run < size.runs; run++) {
    // Run ids are uuid4 hex, as MLflow makes them.
    const id = createHash('md5').update(`run ${run}`).digest('hex');
    const folder = join(experiment, id);
    for (const part of ['params', 'metrics', 'tags']) mkdirSync(join(folder, part), { recursive: true });
    const start = START + run * 60_000;
    writeFileSync(
      join(folder, 'meta.yaml'),
      `artifact_uri: file://${folder}/artifacts\nend_time: ${start + 50_000}\nexperiment_id: '1'\nlifecycle_stage: active\nrun_id: ${id}\nrun_name: run-${run}\nrun_uuid: ${id}\nstart_time: ${start}\nstatus: 3\nuser_id: bench\n`,
    );
    writeFileSync(join(folder, 'tags', 'mlflow.runName'), `run-${run}`);
    for (let param = 0; param < size.params; param++) writeFileSync(join(folder, 'params', `param_${param}`), String((run * 7 + param) % 97 / 10));
    for (let metric = 0; metric < size.metrics; metric++) {
      const lines: string[] = [];
      for (let step = 0; step < size.steps; step++) lines.push(`${start + step * 50} ${((metric + 1) / (step + 1) + run / 1000).toFixed(6)} ${step}`);
      writeFileSync(join(folder, 'metrics', `metric_${metric}`), `${lines.join('\n')}\n`);
    }
  }
}
