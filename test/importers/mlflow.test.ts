import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { copySource, errors, importerFixtures, importInto, read, readRecord, scratch, snapshot } from './helpers.ts';

const mlruns = join(importerFixtures, 'mlflow', 'mlruns');
const sql = join(importerFixtures, 'mlflow', 'sqlite');
const PARENT = '4f0c3b1fd2a94c6e8a1b7d3e5f607182';
const CHILD = '9a8b7c6d5e4f40312a1b2c3d4e5f6071';

/** An mlflow.db built from MLflow's own table definitions and the rows MLflow would write. */
function sqliteStore(extraSql = ''): string {
  const path = join(copySource(join(sql, 'schema.sql')), '..', 'mlflow.db');
  const db = new DatabaseSync(path);
  db.exec(readFileSync(join(sql, 'schema.sql'), 'utf8'));
  db.exec(readFileSync(join(sql, 'runs.sql'), 'utf8'));
  if (extraSql) db.exec(extraSql);
  db.close();
  return path;
}

// Several tests import twice or more; each import checks a copy of the catalog, seconds on a busy machine.
describe('MLflow file store (mlruns/)', { timeout: 30_000 }, () => {
  it('maps the experiment to a project and each run to a run record with everything MLflow recorded', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'mlflow', mlruns);
    expect(outcome.problems).toEqual([]);
    expect(outcome.written).toBe(true);
    expect(errors(root)).toEqual([]);

    const project = readRecord(root, 'projects/fashion-baselines.md').data;
    expect(project).toMatchObject({
      title: 'fashion-baselines',
      summary: 'Baselines for Fashion-MNIST classification: a small CNN and its learning-rate sweep.',
      creators: ['example-org'],
      startDate: '2024-03-01',
      importedFrom: { tool: 'mlflow', id: 'experiment/1' },
    });

    const parent = readRecord(root, 'runs/baseline-cnn.md');
    expect(parent.data).toMatchObject({
      title: 'baseline-cnn',
      description: 'Three epochs of a two-layer CNN, the reference for the sweep.',
      project: 'fashion-baselines',
      runStatus: 'finished',
      startTime: '2024-03-01T09:30:00Z',
      endTime: '2024-03-01T10:00:00Z',
      agents: ['ada'],
      code: { repository: 'https://github.com/example-lab/fashion', commit: '3f786850e387550fdab836ed7e6dc881de23001b', entryPoint: 'train.py' },
      parameters: { learning_rate: 0.001, epochs: 3, optimizer: 'adam', use_augmentation: true },
      metrics: { loss: 0.4127, 'val/accuracy': 0.8841 },
      metricHistory: 'baseline-cnn.metrics.csv',
      tags: ['team=vision'],
      importedFrom: { tool: 'mlflow', id: PARENT },
    });
    // The http dataset input is referenced by URL; the local one becomes a dataset record.
    expect(parent.data['inputs']).toEqual([
      'fashion-mnist-val',
      'https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/train-images-idx3-ubyte.gz',
    ]);
    expect(readRecord(root, 'datasets/fashion-mnist-val.md').data).toMatchObject({ title: 'fashion-mnist-val', project: 'fashion-baselines', creators: ['example-org'] });
    expect(read(root, 'runs/baseline-cnn.metrics.csv')).toBe('step,loss,val/accuracy\n0,0.9123,0.81\n1,0.5341,0.862\n2,0.4127,0.8841\n');

    const child = readRecord(root, 'runs/lr-sweep-0-1.md').data;
    expect(child).toMatchObject({ runStatus: 'failed', parent: 'baseline-cnn', parameters: { learning_rate: 0.1, epochs: 3 }, metrics: { 'val/accuracy': 0.1 } });
    // bob is not a person in the catalog: no agents, and a note says so.
    expect(child['agents']).toBeUndefined();
    expect(outcome.notes.join('\n')).toMatch(/user "bob" is not the name of a person/);
    // A 2-field line is step 0; nan and inf are written as nan; a metric missing at a step is empty.
    expect(read(root, 'runs/lr-sweep-0-1.metrics.csv')).toBe('step,loss,val/accuracy\n0,2.3026,0.1\n1,nan,0.1\n2,nan,\n');
    expect(outcome.notes.join('\n')).toMatch(/final value of loss is not a number/);
  });

  it('leaves out deleted experiments (.trash/), deleted runs and experiments without runs', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'mlflow', mlruns);
    const files = outcome.changes.map((change) => change.file).join('\n');
    expect(files).not.toMatch(/scratch|discarded|default/);
    expect(outcome.changes.filter((change) => change.action === 'created')).toHaveLength(6);
  });

  it('imports a run of the Default experiment (id 0), the one MLflow logs to when none is chosen', async () => {
    const root = scratch();
    const source = copySource(mlruns);
    const run = join(source, '0', 'f00dfeedf00dfeedf00dfeedf00dfeed');
    mkdirSync(join(run, 'params'), { recursive: true });
    mkdirSync(join(run, 'metrics'));
    writeFileSync(join(run, 'meta.yaml'), "artifact_uri: file:///tmp/mlruns/0/f00dfeedf00dfeedf00dfeedf00dfeed/artifacts\nend_time: 1709290000000\nexperiment_id: '0'\nlifecycle_stage: active\nrun_id: f00dfeedf00dfeedf00dfeedf00dfeed\nrun_name: quick-try\nrun_uuid: f00dfeedf00dfeedf00dfeedf00dfeed\nstart_time: 1709289000000\nstatus: 3\nuser_id: Ada Example\n");
    writeFileSync(join(run, 'params', 'seed'), '7');
    writeFileSync(join(run, 'metrics', 'acc'), '1709289500000 0.5 0\n1709289600000 0.6 1\n');
    const outcome = await importInto(root, 'mlflow', source);
    expect(outcome.problems).toEqual([]);
    expect(readRecord(root, 'projects/default.md').data).toMatchObject({ title: 'Default', importedFrom: { id: 'experiment/0' } });
    expect(readRecord(root, 'runs/quick-try.md').data).toMatchObject({ project: 'default', parameters: { seed: 7 }, metrics: { acc: 0.6 }, metricHistory: 'quick-try.metrics.csv' });
    expect(errors(root)).toEqual([]);
  });

  it('says which experiments it made no project for', async () => {
    const outcome = await importInto(scratch(), 'mlflow', mlruns, { dryRun: true });
    expect(outcome.notes).toContain('MLflow experiment "Default" (0): holds no active run; no project made for it');
  });

  it('lists artifacts as outputs with size and SHA-256 when --files-url says where they are published', async () => {
    const root = scratch();
    const without = await importInto(root, 'mlflow', mlruns, { dryRun: true });
    expect(without.notes.join('\n')).toMatch(/2 artifact\(s\) not listed as outputs; give --files-url/);
    await importInto(root, 'mlflow', mlruns, { filesUrl: 'https://files.example.org/mlruns' });
    expect(readRecord(root, 'runs/baseline-cnn.md').data['outputs']).toEqual([
      {
        name: 'confusion_matrix.csv',
        url: `https://files.example.org/mlruns/1/${PARENT}/artifacts/confusion_matrix.csv`,
        mediaType: 'text/csv',
        size: 31,
        sha256: '00bd81364c1e560e73acecd01f55ec9d39f40e097c0bc6f3494c30a3ae0b7d51',
      },
      {
        name: 'model/MLmodel',
        url: `https://files.example.org/mlruns/1/${PARENT}/artifacts/model/MLmodel`,
        mediaType: 'application/octet-stream',
        size: 91,
        sha256: 'a80e23a83f5a876dd1e859ca11dd73659993a8c4ad19e765c1b50d9b925f3752',
      },
    ]);
    expect(errors(root)).toEqual([]);
  });

  it('attaches the runs to an existing project with --project, making none from the experiment', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'mlflow', mlruns, { project: 'demo' });
    expect(outcome.changes.some((change) => change.file.includes('projects/'))).toBe(false);
    expect(readRecord(root, 'runs/baseline-cnn.md').data['project']).toBe('demo');
    expect(errors(root)).toEqual([]);
  });

  it('writes nothing on a dry run, but says what it would do', async () => {
    const root = scratch();
    const before = snapshot(root);
    const outcome = await importInto(root, 'mlflow', mlruns, { dryRun: true });
    expect(outcome.written).toBe(false);
    expect(outcome.changes.filter((change) => change.action === 'created')).toHaveLength(6);
    expect(snapshot(root)).toEqual(before);
  });

  it('is a no-op when the same source is imported again', async () => {
    const root = scratch();
    await importInto(root, 'mlflow', mlruns);
    const before = snapshot(root);
    const again = await importInto(root, 'mlflow', mlruns);
    expect(again.problems).toEqual([]);
    expect(again.changes.map((change) => change.action)).toEqual(Array(4).fill('unchanged'));
    expect(snapshot(root)).toEqual(before);
  });

  it('updates what the source changed and keeps what a person edited, with comments and body', async () => {
    const root = scratch();
    const source = copySource(mlruns);
    await importInto(root, 'mlflow', source);
    const path = join(root, 'runs/baseline-cnn.md');
    const edited = readFileSync(path, 'utf8')
      .replace('title: baseline-cnn', '# Named for the paper.\ntitle: Baseline CNN # the reference')
      .replace(/tags:\n {2}- team=vision\n/, '')
      .replace(/\n$/, '\n\nWritten by hand: the run behind Table 2.\n');
    writeFileSync(path, edited);
    // The run went on: one more epoch logged, a later end time.
    appendFileSync(join(source, '1', PARENT, 'metrics', 'loss'), '1709285640000 0.3511 3\n');
    const meta = join(source, '1', PARENT, 'meta.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('end_time: 1709287200000', 'end_time: 1709287800000'));

    const outcome = await importInto(root, 'mlflow', source);
    expect(outcome.problems).toEqual([]);
    const change = outcome.changes.find((candidate) => candidate.file.endsWith('runs/baseline-cnn.md'))!;
    expect(change).toMatchObject({ action: 'updated', kept: ['title'], keptRemoved: ['tags'] });
    expect(change.changed.sort()).toEqual(['endTime', 'metricHistory', 'metrics']);

    const record = readRecord(root, 'runs/baseline-cnn.md');
    expect(record.data).toMatchObject({ title: 'Baseline CNN', endTime: '2024-03-01T10:10:00Z', metrics: { loss: 0.3511, 'val/accuracy': 0.8841 } });
    expect(record.data['tags']).toBeUndefined();
    expect(record.text).toContain('# Named for the paper.\ntitle: Baseline CNN # the reference\n');
    expect(record.body).toContain('Written by hand: the run behind Table 2.');
    expect(read(root, 'runs/baseline-cnn.metrics.csv')).toMatch(/\n3,0.3511,\n$/);
    expect(errors(root)).toEqual([]);

    // Once settled, importing again changes nothing, edits included.
    const before = snapshot(root);
    const again = await importInto(root, 'mlflow', source);
    expect(again.changes.every((candidate) => candidate.action === 'unchanged')).toBe(true);
    expect(again.changes.find((candidate) => candidate.file.endsWith('baseline-cnn.md'))?.kept).toEqual(['title']);
    expect(snapshot(root)).toEqual(before);
  });

  it('passes over runs whose files are as they were imported (same names, sizes and times), and reads a run again once one changes', async () => {
    const root = scratch();
    const source = copySource(mlruns);
    await importInto(root, 'mlflow', source);
    expect(readRecord(root, 'runs/baseline-cnn.md').data['importedFrom']).toMatchObject({ source: expect.stringMatching(/^[0-9a-f]{12}$/) });
    // Same size and time, other content: not read again, so the damage goes unseen.
    const loss = join(source, '1', PARENT, 'metrics', 'loss');
    const { atime, mtime } = statSync(loss);
    writeFileSync(loss, readFileSync(loss, 'utf8').replace('0.9123', 'x.xxxx'));
    utimesSync(loss, atime, mtime);
    const before = snapshot(root);
    const again = await importInto(root, 'mlflow', source);
    expect(again.problems).toEqual([]);
    expect(again.changes.every((change) => change.action === 'unchanged')).toBe(true);
    expect(snapshot(root)).toEqual(before);
    // Touched: read again, and the damage is reported.
    utimesSync(loss, atime, new Date(mtime.getTime() + 1000));
    expect((await importInto(root, 'mlflow', source)).problems[0]!.message).toMatch(/metric "loss": value "x.xxxx" is not a number/);
  });

  it('keeps a metric history a person edited', async () => {
    const root = scratch();
    await importInto(root, 'mlflow', mlruns);
    appendFileSync(join(root, 'runs/baseline-cnn.metrics.csv'), '3,0.1,0.9\n');
    const before = snapshot(root);
    const outcome = await importInto(root, 'mlflow', mlruns);
    expect(outcome.changes.find((change) => change.file.endsWith('baseline-cnn.md'))?.kept).toEqual(['metricHistory']);
    expect(snapshot(root)).toEqual(before);
  });

  const broken: [string, (source: string) => void, RegExp, RegExp, number | undefined][] = [
    ['bad YAML in an experiment meta.yaml', (source) => writeFileSync(join(source, '1', 'meta.yaml'), "experiment_id: '1'\nname: fashion: baselines\n"), /mlruns\/1\/meta\.yaml$/, /YAML syntax/, 2],
    ['a meta.yaml without the experiment name', (source) => writeFileSync(join(source, '1', 'meta.yaml'), "experiment_id: '1'\nlifecycle_stage: active\n"), /mlruns\/1\/meta\.yaml$/, /^name: /, undefined],
    ['a run status that is no status code', (source) => writeFileSync(join(source, '1', CHILD, 'meta.yaml'), readFileSync(join(mlruns, '1', CHILD, 'meta.yaml'), 'utf8').replace('status: 4', 'status: 9')), /meta\.yaml$/, /status: must be a run status code/, undefined],
    ['a non-numeric metric value', (source) => appendFileSync(join(source, '1', PARENT, 'metrics', 'loss'), '1709285640000 abc 3\n'), /metrics\/loss$/, /metric "loss": value "abc" is not a number/, 4],
    ['a metric line with four fields', (source) => appendFileSync(join(source, '1', CHILD, 'metrics', 'val', 'accuracy'), '1 2 3 4\n'), /metrics\/val\/accuracy$/, /metric "val\/accuracy": "1 2 3 4" has 4 fields/, 3],
    ['an artifact that leads out of the artifact folder', (source) => symlinkSync('../../../../..', join(source, '1', PARENT, 'artifacts', 'escape')), /artifacts\/escape$/, /points outside the run's artifact folder/, undefined],
    ['a run folder without meta.yaml', (source) => rmSync(join(source, '1', CHILD, 'meta.yaml')), /meta\.yaml$/, /meta\.yaml \(required in every MLflow experiment and run folder\) not found/, undefined],
  ];

  it.each(broken)('reports %s with the file and what is wrong, and writes nothing', async (_name, breakIt, file, message, line) => {
    const root = scratch();
    const source = copySource(mlruns);
    breakIt(source);
    const before = snapshot(root);
    const outcome = await importInto(root, 'mlflow', source, { filesUrl: 'https://files.example.org/mlruns' });
    expect(outcome.written).toBe(false);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]!.file).toMatch(file);
    expect(outcome.problems[0]!.message).toMatch(message);
    expect(outcome.problems[0]!.line).toBe(line);
    expect(snapshot(root)).toEqual(before);
  });

  it('reports a path that is not an MLflow store', async () => {
    const root = scratch();
    const empty = copySource(join(importerFixtures, 'hf', 'imdb'));
    rmSync(join(empty, 'README.md'));
    expect((await importInto(root, 'mlflow', empty)).problems[0]!.message).toMatch(/no MLflow experiment folder/);
    expect((await importInto(root, 'mlflow', join(empty, 'missing'))).problems[0]!.message).toBe('not found');
  });
});

/** An mlflow.db as an older MLflow wrote it: its tables and rows from one file. */
function olderSqliteStore(version: string): string {
  const path = join(copySource(join(sql, `mlflow-${version}.sql`)), '..', 'mlflow.db');
  const db = new DatabaseSync(path);
  db.exec(readFileSync(join(sql, `mlflow-${version}.sql`), 'utf8'));
  db.close();
  return path;
}

describe('MLflow SQLite stores of older schemas', () => {
  it('reads MLflow 0.9 (no alembic_version, metrics without step), and the run in the Default experiment', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'mlflow', olderSqliteStore('0.9'));
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    expect(readRecord(root, 'projects/default.md').data).toMatchObject({ title: 'Default', importedFrom: { id: 'experiment/0' } });
    expect(readRecord(root, 'runs/elasticnet.md').data).toMatchObject({
      description: 'Wine quality, the MLflow tutorial.',
      project: 'default',
      runStatus: 'finished',
      parameters: { alpha: 0.5, l1_ratio: 0.1 },
      // Every value is at step 0, as MLflow 1.0's migration left them: the last logged counts.
      metrics: { rmse: 0.79, r2: 0.11 },
      code: { repository: 'https://github.com/example-lab/wine', commit: '3f786850e387550fdab836ed7e6dc881de23001b' },
    });
  });

  it('reads MLflow 1.0 (alembic 451aebb31d03: steps, no latest_metrics or experiment_tags), with history and parent', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'mlflow', olderSqliteStore('1.0'));
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    expect(readRecord(root, 'runs/search.md').data).toMatchObject({ project: 'default', parameters: { epochs: 2 }, metrics: { loss: 0.7 }, metricHistory: 'search.metrics.csv' });
    expect(read(root, 'runs/search.metrics.csv')).toBe('step,loss\n0,1.2\n1,0.7\n');
    expect(readRecord(root, 'runs/trial-1.md').data).toMatchObject({ runStatus: 'failed', parent: 'search', tags: ['stage=tuning'], metrics: { loss: 2.5 } });
  });

  it('reads MLflow 2.3 (alembic 3500859a5d39: no dataset tables), NaN from is_nan included', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'mlflow', olderSqliteStore('2.3'));
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    expect(readRecord(root, 'projects/default.md').data).toMatchObject({ summary: 'Runs logged without an experiment.', startDate: '2023-03-28' });
    const run = readRecord(root, 'runs/gentle-owl-42.md').data;
    expect(run).toMatchObject({ project: 'default', parameters: { max_depth: 6 } });
    expect(run['metrics']).toBeUndefined();
    expect(read(root, 'runs/gentle-owl-42.metrics.csv')).toBe('step,auc\n0,0.71\n1,0.78\n2,nan\n');
  });

  it('names the alembic revision when tables of MLflow names hold other columns', async () => {
    const root = scratch();
    const path = olderSqliteStore('1.0');
    const db = new DatabaseSync(path);
    db.exec('DROP TABLE params; CREATE TABLE params (name TEXT, run_uuid TEXT)');
    db.close();
    const outcome = await importInto(root, 'mlflow', path);
    expect(outcome.problems[0]!.message).toMatch(/does not have the MLflow tracking tables of any MLflow version \(alembic revision 451aebb31d03\): .*no such column: key/);
  });
});

describe('MLflow SQLite store (mlflow.db)', () => {
  it('maps experiments, runs, params, latest metrics, history, tags and dataset inputs from MLflow tables', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'mlflow', sqliteStore());
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    expect(readRecord(root, 'projects/fashion-sql.md').data).toMatchObject({ title: 'fashion-sql', summary: 'Baselines tracked in an SQLite store.' });
    expect(readRecord(root, 'runs/sql-baseline.md').data).toMatchObject({
      title: 'sql-baseline',
      project: 'fashion-sql',
      runStatus: 'finished',
      startTime: '2024-03-01T09:30:00Z',
      endTime: '2024-03-01T10:00:00Z',
      agents: ['ada'],
      code: { repository: 'https://github.com/example-lab/fashion', commit: '3f786850e387550fdab836ed7e6dc881de23001b', entryPoint: 'train.py' },
      parameters: { learning_rate: 0.001, batch_size: 64, model: 'cnn-small' },
      metrics: { loss: 0.3, accuracy: 0.88 },
      inputs: ['https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/train-images-idx3-ubyte.gz', 'https://huggingface.co/datasets/imdb'],
      importedFrom: { tool: 'mlflow', id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' },
    });
    expect(read(root, 'runs/sql-baseline.metrics.csv')).toBe('step,accuracy,loss\n0,0.7,0.9\n1,,0.5\n2,0.88,0.3\n');
    const child = readRecord(root, 'runs/sql-child.md').data;
    expect(child).toMatchObject({ runStatus: 'killed', parent: 'sql-baseline', parameters: { learning_rate: 0.5 } });
    // NaN (is_nan) and infinity (float max) are not final metrics, and are nan in the history.
    expect(child['metrics']).toBeUndefined();
    expect(read(root, 'runs/sql-child.metrics.csv')).toBe('step,loss\n0,2.3\n1,nan\n2,nan\n');
    expect(outcome.changes.map((change) => change.file).join('\n')).not.toMatch(/gone|abandoned|default/);
  });

  it('is a no-op when imported again', async () => {
    const root = scratch();
    const db = sqliteStore();
    await importInto(root, 'mlflow', db);
    const before = snapshot(root);
    const again = await importInto(root, 'mlflow', db);
    expect(again.changes.every((change) => change.action === 'unchanged')).toBe(true);
    expect(snapshot(root)).toEqual(before);
  });

  it('reports a metric value that is not a number, and writes nothing', async () => {
    const root = scratch();
    const db = sqliteStore("INSERT INTO metrics VALUES ('loss', 'abc', 1709285600000, 'a1b2c3d4e5f60718293a4b5c6d7e8f90', 3, 0);");
    const before = snapshot(root);
    const outcome = await importInto(root, 'mlflow', db);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]).toMatchObject({ field: 'metrics.value' });
    expect(outcome.problems[0]!.file).toMatch(/mlflow\.db$/);
    expect(outcome.problems[0]!.message).toMatch(/metric "loss" holds a value, step or timestamp that is not a number \("abc"\)/);
    expect(snapshot(root)).toEqual(before);
  });

  it('reports a database without MLflow tables, and a file that is no database', async () => {
    const root = scratch();
    const path = join(copySource(join(sql, 'schema.sql')), '..', 'other.db');
    const db = new DatabaseSync(path);
    db.exec('CREATE TABLE runs (run_uuid TEXT)');
    db.close();
    expect((await importInto(root, 'mlflow', path)).problems[0]!.message).toMatch(/is not an MLflow tracking database: table experiments, params, tags, metrics missing/);
    const text = join(path, '..', 'mlflow.db');
    writeFileSync(text, 'not a database');
    expect((await importInto(root, 'mlflow', text)).problems[0]!.message).toMatch(/neither an mlruns folder nor an SQLite database/);
  });
});
