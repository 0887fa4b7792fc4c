/**
 * Writes a synthetic but realistic catalog of about `size` records: runs with
 * 20 parameters, 10 metrics and 100-step histories, datasets with files and
 * derivations, models trained by runs. Deterministic, so runs compare.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const METRICS = ['train_loss', 'val_loss', 'train_accuracy', 'val_accuracy', 'test_accuracy', 'precision', 'recall', 'f1', 'auc', 'learning_rate'];
const STEPS = 100;

function hex(seed: number, length: number): string {
  let out = '';
  let state = seed * 2654435761;
  while (out.length < length) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += state.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

function write(root: string, path: string, text: string): void {
  writeFileSync(join(root, path), text);
}

export interface SyntheticCounts {
  projects: number;
  datasets: number;
  models: number;
  runs: number;
  people: number;
}

/** Splits `size` records: 60% runs, 20% datasets, 19% models, the rest projects and people. */
export function plan(size: number): SyntheticCounts {
  const projects = Math.max(1, Math.round(size / 200));
  const people = Math.max(2, Math.round(size / 200));
  const datasets = Math.round(size * 0.2);
  const models = Math.round(size * 0.19);
  return { projects, people, datasets, models, runs: size - projects - people - datasets - models - 1 };
}

export function writeSyntheticCatalog(root: string, size: number): SyntheticCounts {
  const counts = plan(size);
  for (const folder of ['organizations', 'people', 'projects', 'datasets', 'models', 'runs']) mkdirSync(join(root, folder), { recursive: true });
  write(root, 'catalog.yaml', `title: Synthetic catalog of ${size} records\ndescription: Generated for benchmarks.\nurl: https://bench.example.org/\npublisher: bench-lab\nlicense: CC-BY-4.0\ncontact: bench@example.org\ndoiPrefix: "10.5072"\n`);
  write(root, 'organizations/bench-lab.yaml', 'name: Benchmark Lab\ncountry: DE\n');
  for (let i = 0; i < counts.people; i++) {
    write(root, `people/person-${i}.yaml`, `name: Researcher ${i}\ngivenName: Researcher\nfamilyName: Number ${i}\naffiliations: [bench-lab]\n${i === 0 ? 'orcid: 0000-0002-1825-0097\n' : ''}`);
  }
  const person = (i: number) => `person-${i % counts.people}`;
  const project = (i: number) => `project-${i % counts.projects}`;
  for (let i = 0; i < counts.projects; i++) {
    write(root, `projects/project-${i}.md`, `---\ntitle: Project ${i}\nsummary: A synthetic project that groups datasets, models and runs for benchmarking.\ncreators: [${person(i)}]\nkeywords: [benchmark, synthetic]\n---\nProject ${i} exists to measure how Heliograph scales.\n`);
  }
  for (let i = 0; i < counts.datasets; i++) {
    const derived = i % 5 === 4 ? `derivedFrom: [dataset-${i - 1}]\n` : '';
    const files = [0, 1, 2]
      .map((f) => `  - name: part-${f}.parquet\n    url: https://data.example.org/dataset-${i}/part-${f}.parquet\n    mediaType: application/vnd.apache.parquet\n    size: ${1000000 + i * 7 + f}\n    sha256: ${hex(i * 10 + f, 64)}\n`)
      .join('');
    write(root, `datasets/dataset-${i}.md`, `---\ntitle: Dataset ${i}\ndescription: Synthetic tabular dataset number ${i}, with three Parquet parts and four variables.\nproject: ${project(i)}\ncreators: [${person(i)}, ${person(i + 1)}]\nversion: "1.${i % 7}"\ndatePublished: 2024-${String((i % 12) + 1).padStart(2, '0')}-15\nlicense: CC-BY-4.0\nkeywords: [synthetic, tabular]\n${derived}files:\n${files}variables:\n  - name: x\n    type: float\n  - name: y\n    type: float\n  - name: label\n    type: category\n  - name: weight\n    type: float\n---\nDataset ${i} body text.\n`);
  }
  for (let i = 0; i < counts.models; i++) {
    const base = i % 4 === 3 ? `baseModel: model-${i - 1}\n` : '';
    write(root, `models/model-${i}.md`, `---\ntitle: Model ${i}\ndescription: Synthetic classifier number ${i}.\nproject: ${project(i)}\ncreators: [${person(i)}]\ntask: classification\nframework:\n  name: PyTorch\n  version: "2.3.1"\n${base}trainedOn: [dataset-${i % counts.datasets}]\nevaluation:\n  - dataset: dataset-${(i + 1) % counts.datasets}\n    split: test\n    metric: accuracy\n    value: ${(0.8 + (i % 100) / 1000).toFixed(3)}\nfiles:\n  - name: model.safetensors\n    url: https://models.example.org/model-${i}/model.safetensors\n    mediaType: application/octet-stream\n    size: ${44000000 + i}\n    sha256: ${hex(100000 + i, 64)}\n---\n`);
  }
  for (let i = 0; i < counts.runs; i++) {
    const parameters = Array.from({ length: 20 }, (_, p) => `  param_${p}: ${p % 3 === 0 ? (0.001 * (i % 10 + 1)).toFixed(4) : p % 3 === 1 ? (i % 64) + p : `"option-${p % 4}"`}`).join('\n');
    const metrics = METRICS.map((metric, m) => `  ${metric}: ${(0.5 + ((i + m) % 50) / 100).toFixed(4)}`).join('\n');
    const output = i < counts.models ? `outputs: [model-${i}]\n` : '';
    const parent = i % 10 !== 0 ? `parent: run-${i - (i % 10)}\n` : '';
    const hour = String(i % 24).padStart(2, '0');
    write(root, `runs/run-${i}.yaml`, `title: Run ${i}\nproject: ${project(i)}\nrunStatus: ${i % 17 === 5 ? 'failed' : 'finished'}\nstartTime: 2024-03-01T${hour}:00:00Z\nendTime: 2024-03-01T${hour}:45:00Z\nagents: [${person(i)}]\ncode:\n  repository: https://github.com/example/bench\n  commit: ${hex(200000 + i, 40)}\n  entryPoint: train.py\nparameters:\n${parameters}\ninputs: [dataset-${i % counts.datasets}]\n${output}${parent}metrics:\n${metrics}\nmetricHistory: run-${i}.metrics.csv\n`);
    const rows = Array.from({ length: STEPS }, (_, step) => [step, ...METRICS.map((_, m) => (1 / (step + 1 + m)).toFixed(5))].join(','));
    write(root, `runs/run-${i}.metrics.csv`, `step,${METRICS.join(',')}\n${rows.join('\n')}\n`);
  }
  return counts;
}
