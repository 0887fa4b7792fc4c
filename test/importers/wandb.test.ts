import { renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySource, errors, importerFixtures, importInto, readRecord, scratch, snapshot } from './helpers.ts';

const online = join(importerFixtures, 'wandb', 'run-20240301_093000-k3x9q2ab');
const offline = join(importerFixtures, 'wandb', 'offline-run-20240302_101500-p7r2m4zt');

describe('W&B run folders', () => {
  it('maps config (old {desc, value} form), summary and metadata of a run', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'wandb', online);
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    const { data } = readRecord(root, 'runs/wandb-k3x9q2ab.md');
    expect(data).toEqual({
      title: 'W&B run k3x9q2ab',
      runStatus: 'finished',
      startTime: '2024-03-01T09:30:00.123Z',
      endTime: '2024-03-01T10:00:00.123Z',
      agents: ['ada'],
      code: { repository: 'https://github.com/example-lab/fashion', commit: '3f786850e387550fdab836ed7e6dc881de23001b', entryPoint: 'train.py --epochs 10 --lr 0.001' },
      environment: { language: 'Python 3.11.7', frameworks: { torch: '2.2.0' }, hardware: '1× NVIDIA A100-SXM4-40GB' },
      // _wandb is dropped, nested values are dotted, lists kept as JSON, null left out.
      parameters: { batch_size: 64, epochs: 10, learning_rate: 0.001, 'optimizer.betas': '[0.9,0.999]', 'optimizer.name': 'adam' },
      // _-prefixed bookkeeping and logged media are no metrics.
      metrics: { 'train/loss': 0.2311, 'val/accuracy': 0.9012, epoch: 9 },
      importedFrom: expect.objectContaining({ tool: 'wandb', id: 'k3x9q2ab' }),
    });
  });

  it('maps an offline run with the new {value} config form and newer metadata', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'wandb', offline, { project: 'demo' });
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    const { data } = readRecord(root, 'runs/wandb-p7r2m4zt.md');
    expect(data).toMatchObject({
      project: 'demo',
      startTime: '2024-03-02T10:15:00Z',
      endTime: '2024-03-02T10:20:12Z',
      code: { repository: 'https://github.com/example-lab/fashion', entryPoint: 'train.py --lr 0.01' },
      environment: { language: 'Python 3.12.2', frameworks: { torch: '2.4.1' }, hardware: '1× NVIDIA GeForce RTX 4090' },
      parameters: { batch_size: 128, learning_rate: 0.01 },
      metrics: { loss: 0.41 },
      tags: ['offline'],
    });
    expect(data['agents']).toBeUndefined();
    expect(outcome.notes.join('\n')).toMatch(/W&B user "bob" is not the name of a person/);
  });

  it('counts a run without a summary as running', async () => {
    const root = scratch();
    const source = copySource(offline);
    rmSync(join(source, 'files', 'wandb-summary.json'));
    await importInto(root, 'wandb', source);
    const { data } = readRecord(root, 'runs/wandb-p7r2m4zt.md');
    expect(data).toMatchObject({ runStatus: 'running' });
    expect(data['endTime']).toBeUndefined();
    expect(errors(root)).toEqual([]);
  });

  it('is a no-op when imported again, and keeps edited fields when the run changed', async () => {
    const root = scratch();
    const source = copySource(online);
    await importInto(root, 'wandb', source);
    const before = snapshot(root);
    expect((await importInto(root, 'wandb', source)).changes.map((change) => change.action)).toEqual(['unchanged']);
    expect(snapshot(root)).toEqual(before);

    const path = join(root, 'runs/wandb-k3x9q2ab.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('title: W&B run k3x9q2ab', 'title: Fashion CNN, ten epochs'));
    const summary = join(source, 'files', 'wandb-summary.json');
    writeFileSync(summary, readFileSync(summary, 'utf8').replace('"val/accuracy": 0.9012', '"val/accuracy": 0.9101'));
    const outcome = await importInto(root, 'wandb', source);
    expect(outcome.changes[0]).toMatchObject({ action: 'updated', changed: ['metrics'], kept: ['title'] });
    expect(readRecord(root, 'runs/wandb-k3x9q2ab.md').data).toMatchObject({ title: 'Fashion CNN, ten epochs', metrics: { 'val/accuracy': 0.9101 } });
  });

  const broken: [string, (source: string) => void, RegExp, RegExp][] = [
    ['bad YAML in config.yaml', (source) => writeFileSync(join(source, 'files', 'config.yaml'), 'lr:\n  value: 0.1\n bad: indent\n'), /files\/config\.yaml$/, /YAML syntax/],
    ['a config key not in the {value} form', (source) => writeFileSync(join(source, 'files', 'config.yaml'), 'lr: 0.1\n'), /files\/config\.yaml$/, /"lr" is not in W&B's \{value: …\} form/],
    ['a summary that is not JSON', (source) => writeFileSync(join(source, 'files', 'wandb-summary.json'), '{"loss": 0.41,\n "_step": }\n'), /wandb-summary\.json$/, /JSON syntax/],
    ['metadata of the wrong shape', (source) => writeFileSync(join(source, 'files', 'wandb-metadata.json'), '{"args": "--lr 0.1"}'), /wandb-metadata\.json$/, /^args: /],
    ['a startedAt that is no date', (source) => writeFileSync(join(source, 'files', 'wandb-metadata.json'), '{"startedAt": "yesterday"}'), /wandb-metadata\.json$/, /startedAt: "yesterday" is not a date-time/],
    ['a folder that is no run folder', (source) => renameSync(source, `${source}-renamed`), /./, /not found/],
  ];

  it.each(broken)('reports %s and writes nothing', async (_name, breakIt, file, message) => {
    const root = scratch();
    const source = copySource(offline);
    breakIt(source);
    const before = snapshot(root);
    const outcome = await importInto(root, 'wandb', source);
    expect(outcome.written).toBe(false);
    expect(outcome.problems.length).toBeGreaterThan(0);
    expect(outcome.problems[0]!.file).toMatch(file);
    expect(outcome.problems[0]!.message).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });

  it('imports every run below a folder, and tells a folder that holds none', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'wandb', join(importerFixtures, 'wandb'));
    expect(outcome.problems).toEqual([]);
    expect(outcome.changes.map((change) => change.file.replace(/^.*\/runs\//, '')).sort()).toEqual(['wandb-k3x9q2ab.md', 'wandb-p7r2m4zt.md']);
    const none = await importInto(root, 'wandb', join(importerFixtures, 'hf'));
    expect(none.problems[0]!.message).toMatch(/is not a W&B run folder and holds none/);
  });
});
