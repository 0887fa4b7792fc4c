import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTransactionLog } from '../../src/importers/wandb/transaction-log.ts';
import { BLOCK_SIZE } from '../../src/importers/wandb/record-log.ts';
import { copySource, errors, importerFixtures, importInto, read, readRecord, scratch, snapshot } from './helpers.ts';
import { historyRecord, writeLog } from './wandb-log.ts';

/** wandb 0.8–0.9: files directly in the run folder with wandb-history.jsonl; a dryrun run that left only its metadata. */
const wandb08 = join(importerFixtures, 'wandb-0.8', 'wandb');
/** wandb 0.17: files/ beside the binary run-<id>.wandb, which each test writes with the protobuf schema. */
const wandb017 = join(importerFixtures, 'wandb-0.17', 'wandb');
const MODERN = 'run-20240305_101500-m0d3rn01';
const START = 1709633700; // 2024-03-05T10:15:00Z

const text = (value: unknown) => JSON.stringify(value);

/** What wandb 0.17 writes for a three-epoch run of a sweep, ending with exit code `exitCode`. */
function modernRecords(exitCode: number | null = 0): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [
    { num: 1, header: {} },
    {
      num: 2,
      run: {
        run_id: 'm0d3rn01',
        entity: 'ada-example',
        project: 'cifar',
        display_name: 'brisk-wave-7',
        notes: 'SGD with momentum, the sweep\'s best.',
        tags: ['baseline', 'cifar10'],
        run_group: 'sgd-sweep',
        job_type: 'train',
        sweep_id: 'x1y2z3',
        host: 'gpu-node-7',
        start_time: { seconds: START, nanos: 250_000_000 },
        git: { remote_url: 'https://github.com/example-lab/cifar.git', commit: '1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5' },
        config: { update: [{ key: 'epochs', value_json: '3' }, { key: '_wandb', value_json: text({ cli_version: '0.17.9' }) }] },
      },
    },
    { num: 3, telemetry: { python_version: '3.11.9', cli_version: '0.17.9' } },
    { num: 4, config: { update: [{ key: 'optimizer', value_json: text({ name: 'sgd', momentum: 0.9 }) }] } },
    historyRecord(0, START + 30, { 'train/loss': 1.2, 'val/acc': 0.55 }),
    historyRecord(1, START + 60, { 'train/loss': 0.6, 'val/acc': NaN }),
    historyRecord(2, START + 95, { 'train/loss': 0.31, 'val/acc': 0.9, grads: { norm: 2.5 }, samples: { _type: 'table-file', path: 'media/t.json' } }),
    { num: 8, summary: { update: [{ key: 'train/loss', value_json: '0.31' }, { key: 'val/acc', value_json: '0.9' }] } },
  ];
  if (exitCode !== null) records.push({ num: 9, exit: { exit_code: exitCode, runtime: 95 } }, { num: 10, final: {} }, { num: 11, footer: {} });
  return records;
}

function modernSource(records = modernRecords()): string {
  const source = copySource(wandb017);
  writeLog(join(source, MODERN, 'run-m0d3rn01.wandb'), records);
  return source;
}

// Several tests import twice or more; each import checks a copy of the catalog, seconds on a busy machine.
describe('W&B binary run log (run-<id>.wandb, wandb 0.10 on)', { timeout: 30_000 }, () => {
  it('reads history, display name, notes, tags, group, sweep, exit code and times from the log', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'wandb', modernSource());
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    const { data } = readRecord(root, 'runs/brisk-wave-7.md');
    expect(data).toEqual({
      title: 'brisk-wave-7',
      description: "SGD with momentum, the sweep's best.",
      runStatus: 'finished',
      startTime: '2024-03-05T10:15:00.250Z',
      endTime: '2024-03-05T10:16:35.250Z',
      agents: ['ada'],
      code: { repository: 'https://github.com/example-lab/cifar', commit: '1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5', entryPoint: 'train.py --epochs 3' },
      environment: { language: 'Python 3.11.9', frameworks: { torch: '2.3.1' }, hardware: '1× NVIDIA L4' },
      parameters: { epochs: 3, 'optimizer.momentum': 0.9, 'optimizer.name': 'sgd' },
      metrics: { 'train/loss': 0.31, 'val/acc': 0.9, 'grads.norm': 2.5 },
      metricHistory: 'brisk-wave-7.metrics.csv',
      tags: ['baseline', 'cifar10', 'group=sgd-sweep', 'job_type=train', 'sweep=x1y2z3'],
      importedFrom: expect.objectContaining({ tool: 'wandb', id: 'm0d3rn01' }),
    });
    // Every logged step, nested values dotted, NaN kept as nan, logged media left out.
    expect(read(root, 'runs/brisk-wave-7.metrics.csv')).toBe('step,grads.norm,train/loss,val/acc\n0,,1.2,0.55\n1,,0.6,nan\n2,2.5,0.31,0.9\n');
    // Nothing personal: no host, no e-mail, no W&B entity.
    expect(read(root, 'runs/brisk-wave-7.md')).not.toMatch(/gpu-node-7|ada@example|ada-example|\/home\//);
  });

  it('is a no-op when imported again', async () => {
    const root = scratch();
    const source = modernSource();
    await importInto(root, 'wandb', source);
    const before = snapshot(root);
    const again = await importInto(root, 'wandb', source);
    expect(again.changes.map((change) => change.action)).toEqual(['unchanged']);
    expect(snapshot(root)).toEqual(before);
  });

  it('maps a non-zero exit code to failed, and a log without exit record to running with a note', async () => {
    const failedRoot = scratch();
    await importInto(failedRoot, 'wandb', modernSource(modernRecords(1)));
    expect(readRecord(failedRoot, 'runs/brisk-wave-7.md').data['runStatus']).toBe('failed');
    const runningRoot = scratch();
    const outcome = await importInto(runningRoot, 'wandb', modernSource(modernRecords(null)));
    expect(readRecord(runningRoot, 'runs/brisk-wave-7.md').data['runStatus']).toBe('running');
    expect(outcome.notes.join('\n')).toMatch(/the log holds no exit record/);
  });

  it('reads a record split across 32 KiB blocks (FIRST, MIDDLE, LAST chunks)', () => {
    const folder = copySource(wandb017);
    const notes = 'n'.repeat(BLOCK_SIZE * 2 + 100);
    const path = join(folder, 'big.wandb');
    writeLog(path, [{ num: 1, run: { run_id: 'big', notes } }, historyRecord(0, START, { loss: 1 })]);
    const log = readTransactionLog(path);
    expect(log.stop).toBeUndefined();
    expect(log.notes).toBe(notes);
    expect(log.history.final().values).toEqual({ loss: 1 });
  });

  it('imports what a log cut short holds, and says where it stopped', async () => {
    const root = scratch();
    const source = modernSource();
    const path = join(source, MODERN, 'run-m0d3rn01.wandb');
    const bytes = readFileSync(path);
    truncateSync(path, bytes.length - 5);
    const outcome = await importInto(root, 'wandb', source);
    expect(outcome.problems).toEqual([]);
    expect(outcome.notes.join('\n')).toMatch(/W&B run m0d3rn01: run-m0d3rn01\.wandb stopped at byte \d+: the log ends inside a chunk .*; the 10 record\(s\) before it are imported/);
    expect(read(root, 'runs/brisk-wave-7.metrics.csv')).toMatch(/^step,grads\.norm,train\/loss,val\/acc\n0,/);
  });

  it('stops at a damaged chunk (checksum mismatch) and keeps the records before it', () => {
    const folder = copySource(wandb017);
    const path = join(folder, 'damaged.wandb');
    const bytes = writeLog(path, modernRecords());
    // Flip a byte in the middle of the file: some later chunk no longer matches its checksum.
    const damagedAt = Math.floor(bytes.length / 2);
    bytes[damagedAt] = bytes[damagedAt]! ^ 0xff;
    writeFileSync(path, bytes);
    const log = readTransactionLog(path);
    expect(log.stop).toMatchObject({ reason: expect.stringMatching(/checksum does not match|not a W&B Record/) });
    expect(log.runId).toBe('m0d3rn01');
    expect(log.exit).toBeUndefined();
  });

  it('reports a file that is no W&B log without importing its run as read', () => {
    const folder = copySource(wandb017);
    const path = join(folder, 'other.wandb');
    writeFileSync(path, 'SQLite format 3\0');
    expect(readTransactionLog(path).stop).toEqual({ offset: 0, reason: 'the file does not start with the W&B log header (":W&B", magic 0xBEE1)' });
  });

  it('imports an offline run that holds only its binary log', async () => {
    const root = scratch();
    const source = copySource(wandb017);
    const offline = join(source, 'offline-run-20240306_080000-bin0only');
    mkdirSync(offline);
    writeLog(join(offline, 'run-bin0only.wandb'), [
      { num: 1, run: { run_id: 'bin0only', display_name: 'quiet-pond-2', start_time: { seconds: START + 86400 } } },
      { num: 2, config: { update: [{ key: 'lr', value_json: '0.1' }] } },
      historyRecord(0, START + 86430, { loss: 2 }),
      historyRecord(1, START + 86460, { loss: 1.5 }),
      { num: 5, exit: { exit_code: 0, runtime: 60 } },
    ]);
    const outcome = await importInto(root, 'wandb', offline);
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    expect(readRecord(root, 'runs/quiet-pond-2.md').data).toMatchObject({
      title: 'quiet-pond-2',
      runStatus: 'finished',
      startTime: '2024-03-06T10:15:00Z',
      endTime: '2024-03-06T10:16:00Z',
      parameters: { lr: 0.1 },
      metrics: { loss: 1.5 },
      tags: ['offline'],
    });
    expect(read(root, 'runs/quiet-pond-2.metrics.csv')).toBe('step,loss\n0,2\n1,1.5\n');
  });
});

describe('W&B folders of every version', { timeout: 30_000 }, () => {
  it('imports wandb 0.8 runs (files directly in the run folder, wandb-history.jsonl) and a dryrun that left only its metadata', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'wandb', wandb08);
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    expect(readRecord(root, 'runs/fluent-sunset-3.md').data).toMatchObject({
      title: 'fluent-sunset-3',
      description: 'First try with the new optimizer.',
      runStatus: 'finished',
      startTime: '2020-01-15T09:30:00Z',
      endTime: '2020-01-15T09:32:00.400Z',
      code: { repository: 'https://github.com/example-lab/mnist', commit: '9b1c3e2f4a5d6b7c8d9e0f1a2b3c4d5e6f7a8b9c', entryPoint: 'train.py --lr 0.01' },
      environment: { language: 'Python 3.7.6', frameworks: { torch: '1.4.0' } },
      parameters: { batch_size: 32, lr: 0.01 },
      metrics: { loss: 0.35, acc: 0.88, 'val.loss': 0.41 },
      metricHistory: 'fluent-sunset-3.metrics.csv',
    });
    expect(read(root, 'runs/fluent-sunset-3.metrics.csv')).toBe('step,acc,loss,val.loss\n0,0.61,0.9,\n1,0.79,0.52,\n2,0.88,0.35,0.41\n');
    expect(readRecord(root, 'runs/wandb-dry0run2.md').data).toMatchObject({ runStatus: 'running', startTime: '2020-01-16T10:00:00Z', tags: ['offline'] });
  });

  it('keeps the rows of a wandb-history.jsonl whose last line was cut short', async () => {
    const root = scratch();
    const source = copySource(wandb08);
    const history = join(source, 'run-20200115_093000-o8ld1run', 'wandb-history.jsonl');
    writeFileSync(history, readFileSync(history, 'utf8').replace(/\n\{"loss": 0\.35.*\n$/, '\n{"loss": 0.35, "ac'));
    const outcome = await importInto(root, 'wandb', source);
    expect(outcome.notes.join('\n')).toMatch(/wandb-history\.jsonl stopped at line 3: not JSON/);
    expect(read(root, 'runs/fluent-sunset-3.metrics.csv')).toBe('step,acc,loss\n0,0.61,0.9\n1,0.79,0.52\n');
  });

  it('imports every run below wandb/ once: latest-run, a link or a copy, is left out as a duplicate', async () => {
    for (const make of ['link', 'copy']) {
      const root = scratch();
      const source = modernSource();
      const latest = join(source, 'latest-run');
      if (make === 'link') symlinkSync(MODERN, latest);
      else cpSync(join(source, MODERN), latest, { recursive: true });
      const outcome = await importInto(root, 'wandb', source);
      expect(outcome.problems).toEqual([]);
      expect(outcome.changes.filter((change) => change.file.endsWith('.md')).map((change) => change.file.replace(/^.*\//, ''))).toEqual(['brisk-wave-7.md']);
      expect(outcome.notes.join('\n')).toMatch(/latest-run: latest-run stands for a run imported under its own folder; left out/);
    }
  });

  it('imports latest-run when the run it stands for is not there under its own name', async () => {
    const root = scratch();
    const source = modernSource();
    cpSync(join(source, MODERN), join(source, 'latest-run'), { recursive: true });
    rmSync(join(source, MODERN), { recursive: true });
    const outcome = await importInto(root, 'wandb', source);
    expect(outcome.problems).toEqual([]);
    expect(readRecord(root, 'runs/brisk-wave-7.md').data).toMatchObject({ importedFrom: { id: 'm0d3rn01' } });
  });
});
