import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoFromMillis } from '../../src/importers/source-files.ts';
import { copySource, errors, importerFixtures, importInto, readRecord, scratch, snapshot } from './helpers.ts';

const repository = join(importerFixtures, 'dvc', 'repo');
/** A DVC 1.x repository: dvc.lock without `schema`, stages at its top level, md5 without size. */
const repositoryV1 = join(importerFixtures, 'dvc', 'repo-v1');
const remote = 'https://dvc.example.org/fashion/files/md5';

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('DVC repositories', () => {
  it('makes one run per locked stage, with command, parameters, metrics and md5-addressed inputs and outputs', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'dvc', repository);
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    const started = isoFromMillis(Math.floor(statSync(join(repository, 'dvc.lock')).mtimeMs / 1000) * 1000);

    expect(readRecord(root, 'runs/prepare.md').data).toMatchObject({
      title: 'DVC stage prepare',
      description: 'Stage "prepare" of the DVC pipeline in repo, run as `python src/prepare.py data/data.xml`.',
      runStatus: 'finished',
      startTime: started,
      parameters: { 'prepare.seed': 20170428, 'prepare.split': 0.2 },
      // data/data.xml is tracked by data/data.xml.dvc, so the remote holds it under its md5.
      inputs: [`${remote}/22/a1a2931c8370d3aeedd7183606fd7f`],
      importedFrom: { tool: 'dvc', id: 'repo#prepare' },
    });
    expect(readRecord(root, 'runs/train.md').data).toMatchObject({
      parameters: { 'train.min_split': 0.01, 'train.n_est': 50, 'train.seed': 20170428 },
      outputs: [{ name: 'model.pkl', url: `${remote}/46/865edbf3d62fc5c039dd9d2b0567a4`, mediaType: 'application/octet-stream', size: 1763725, md5: '46865edbf3d62fc5c039dd9d2b0567a4' }],
    });
    expect(readRecord(root, 'runs/evaluate.md').data).toMatchObject({
      inputs: [`${remote}/46/865edbf3d62fc5c039dd9d2b0567a4`],
      outputs: [{ name: 'eval/metrics.json', mediaType: 'application/json', size: 135, md5: '7ca6a7d2b5d5f7b66e4cc1a1ad5d9b6e' }],
      metrics: { 'avg_prec.train': 0.9743681430938059, 'avg_prec.test': 0.9249974999612706, 'roc_auc.train': 0.9866678562450621, 'roc_auc.test': 0.9460213440787918 },
    });
    const notes = outcome.notes.join('\n');
    expect(notes).toMatch(/DVC stage publish: not in dvc.lock \(never run\); skipped/);
    expect(notes).toMatch(/DVC pipeline of repo: the source names no creators/);
    expect(notes).toMatch(/outputs not listed \(folders, or no URL or size known\): data\/prepared/);
    expect(notes).toMatch(/src\/prepare\.py \(md5 f09ea0c15980b43010257ccb9f0055e2\)/);
    expect(notes).toMatch(/DVC records no run times/);
  });

  it('makes the pipeline of dvc.yaml a workflow, and the execution dvc.lock records a run of it with the stage runs as its steps', async () => {
    const root = scratch();
    await importInto(root, 'dvc', repository);
    expect(errors(root)).toEqual([]);
    expect(readRecord(root, 'workflows/repo-pipeline.md').data).toMatchObject({
      title: 'DVC pipeline of repo',
      language: 'dvc',
      file: 'dvc.yaml',
      steps: [
        { id: 'prepare', command: 'python src/prepare.py data/data.xml', inputs: ['data/data.xml', 'src/prepare.py', 'params.yaml'], outputs: ['data/prepared'] },
        { id: 'train', command: 'python src/train.py data/prepared model.pkl', inputs: ['data/prepared', 'src/train.py', 'params.yaml'], outputs: ['model.pkl'] },
        { id: 'evaluate', inputs: ['data/prepared', 'model.pkl', 'src/evaluate.py'], outputs: ['eval/metrics.json'] },
        // Never run, so no step run; still a step of the pipeline.
        { id: 'publish', command: 'python src/publish.py model.pkl', inputs: ['model.pkl'] },
      ],
      importedFrom: { tool: 'dvc', id: 'repo#dvc.yaml' },
    });
    expect(readRecord(root, 'runs/repo-pipeline-run.md').data).toMatchObject({ workflow: 'repo-pipeline', runStatus: 'finished', importedFrom: { tool: 'dvc', id: 'repo#dvc.lock' } });
    for (const stage of ['prepare', 'train', 'evaluate']) expect(readRecord(root, `runs/${stage}.md`).data).toMatchObject({ parent: 'repo-pipeline-run', step: stage });
  });

  it('reads a DVC 1.x dvc.lock, taking sizes from workspace files that still have the locked md5', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'dvc', repositoryV1);
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    expect(readRecord(root, 'runs/prepare.md').data).toMatchObject({
      parameters: { 'prepare.seed': 20170428, 'prepare.split': 0.2 },
      importedFrom: { tool: 'dvc', id: 'repo-v1#prepare' },
    });
    // DVC before 3 laid out remotes as ab/cdef…, without files/md5/.
    expect(readRecord(root, 'runs/evaluate.md').data).toMatchObject({
      outputs: [{ name: 'scores.json', url: 'https://dvc.example.org/legacy/7b/b02a643148cc1e9c179e4d7a308548', size: 31, md5: '7bb02a643148cc1e9c179e4d7a308548' }],
      metrics: { auc: 0.6131, prc: 0.5814 },
    });
    expect(outcome.notes.join('\n')).toMatch(/DVC stage prepare: outputs not listed \(folders, or no URL or size known\): data\/prepared/);
  });

  it('leaves out a DVC 1.x output whose workspace copy no longer has the locked md5', async () => {
    const root = scratch();
    const source = copySource(repositoryV1);
    writeFileSync(join(source, 'scores.json'), '{"auc": 0.7, "prc": 0.6}\n');
    await importInto(root, 'dvc', source);
    expect(readRecord(root, 'runs/evaluate.md').data['outputs']).toBeUndefined();
  });

  it('lists every dependency and file output under --files-url', async () => {
    const root = scratch();
    await importInto(root, 'dvc', repository, { filesUrl: 'https://example.org/fashion/' });
    expect(readRecord(root, 'runs/train.md').data['inputs']).toEqual(['https://example.org/fashion/data/prepared', 'https://example.org/fashion/src/train.py']);
    expect(readRecord(root, 'runs/train.md').data['outputs']).toMatchObject([{ url: 'https://example.org/fashion/model.pkl', md5: '46865edbf3d62fc5c039dd9d2b0567a4' }]);
    expect(errors(root)).toEqual([]);
  });

  it.runIf(hasGit())('takes the commit, the repository and the time dvc.lock was committed from git', async () => {
    const root = scratch();
    const source = copySource(repository);
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', source, ...args], {
        env: { ...process.env, GIT_AUTHOR_DATE: '2024-03-04T12:00:00+00:00', GIT_COMMITTER_DATE: '2024-03-04T12:00:00+00:00' },
        stdio: 'pipe',
      });
    git('init', '-q');
    git('-c', 'user.name=Ada', '-c', 'user.email=ada@example.org', 'add', '.');
    git('-c', 'user.name=Ada', '-c', 'user.email=ada@example.org', 'commit', '-q', '-m', 'pipeline');
    git('remote', 'add', 'origin', 'git@github.com:example-lab/fashion.git');
    const commit = git('rev-parse', 'HEAD').toString().trim();
    await importInto(root, 'dvc', source);
    expect(readRecord(root, 'runs/train.md').data).toMatchObject({
      startTime: '2024-03-04T12:00:00Z',
      code: { repository: 'https://github.com/example-lab/fashion', commit, entryPoint: 'python src/train.py data/prepared model.pkl' },
      importedFrom: { id: `https://github.com/example-lab/fashion@${commit}#train` },
    });
    expect(readRecord(root, 'workflows/fashion-pipeline.md').data).toMatchObject({ repository: 'https://github.com/example-lab/fashion', commit, file: 'dvc.yaml' });
    expect(errors(root)).toEqual([]);

    // The next dvc repro, committed: a second execution beside the first, both runs of the one workflow.
    const lock = join(source, 'dvc.lock');
    writeFileSync(lock, readFileSync(lock, 'utf8').replace('train.n_est: 50', 'train.n_est: 100'));
    git('-c', 'user.name=Ada', '-c', 'user.email=ada@example.org', 'commit', '-q', '-am', 'more trees');
    const next = git('rev-parse', 'HEAD').toString().trim();
    await importInto(root, 'dvc', source);
    expect(readRecord(root, `runs/fashion-pipeline-run-${commit.slice(0, 7)}.md`).data).toMatchObject({ workflow: 'fashion-pipeline' });
    expect(readRecord(root, `runs/fashion-pipeline-run-${next.slice(0, 7)}.md`).data).toMatchObject({ workflow: 'fashion-pipeline', code: { commit: next } });
    expect(readRecord(root, 'runs/train-2.md').data).toMatchObject({ parent: `fashion-pipeline-run-${next.slice(0, 7)}`, step: 'train', parameters: { 'train.n_est': 100 } });
    expect(readRecord(root, 'runs/train.md').data).toMatchObject({ parameters: { 'train.n_est': 50 } });
    expect(errors(root)).toEqual([]);
  });

  it('is a no-op when imported again, and keeps a hand-edited field when parameters change', async () => {
    const root = scratch();
    const source = copySource(repository);
    await importInto(root, 'dvc', source);
    const before = snapshot(root);
    expect((await importInto(root, 'dvc', source)).changes.every((change) => change.action === 'unchanged')).toBe(true);
    expect(snapshot(root)).toEqual(before);

    const path = join(root, 'runs/train.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^description: .*$/m, 'description: Trains the random forest on the prepared features.'));
    const lock = join(source, 'dvc.lock');
    writeFileSync(lock, readFileSync(lock, 'utf8').replace('train.n_est: 50', 'train.n_est: 100'));
    const outcome = await importInto(root, 'dvc', source);
    const change = outcome.changes.find((candidate) => candidate.file.endsWith('runs/train.md'))!;
    expect(change.kept).toEqual(['description']);
    expect(change.changed).toContain('parameters');
    expect(readRecord(root, 'runs/train.md').data).toMatchObject({ description: 'Trains the random forest on the prepared features.', parameters: { 'train.n_est': 100 } });
  });

  const broken: [string, (source: string) => void, RegExp, RegExp][] = [
    ['a dvc.lock of an unknown schema', (source) => writeFileSync(join(source, 'dvc.lock'), readFileSync(join(repository, 'dvc.lock'), 'utf8').replace("schema: '2.0'", "schema: '1.0'")), /dvc\.lock$/, /schema: must be "2\.0" \(DVC 2 and 3\), or absent \(DVC 1\)/],
    ['an output path that climbs out with ../', (source) => writeFileSync(join(source, 'dvc.lock'), readFileSync(join(repository, 'dvc.lock'), 'utf8').replace('- path: model.pkl', '- path: ../../outside/model.pkl')), /dvc\.lock$/, /stages\.train\.outs\[0\]\.path "\.\.\/\.\.\/outside\/model\.pkl" climbs out of its folder/],
    ['an absolute dependency path', (source) => writeFileSync(join(source, 'dvc.lock'), readFileSync(join(repository, 'dvc.lock'), 'utf8').replace('- path: src/prepare.py', '- path: /etc/passwd')), /dvc\.lock$/, /"\/etc\/passwd" is absolute/],
    ['a metrics file outside the repository', (source) => writeFileSync(join(source, 'dvc.yaml'), readFileSync(join(repository, 'dvc.yaml'), 'utf8').replace('- eval/metrics.json:', '- ../secrets.json:')), /dvc\.yaml$/, /stages\.evaluate\.metrics: "\.\.\/secrets\.json" climbs out/],
    ['a checksum that is no md5', (source) => writeFileSync(join(source, 'dvc.lock'), readFileSync(join(repository, 'dvc.lock'), 'utf8').replace('md5: 46865edbf3d62fc5c039dd9d2b0567a4', 'md5: not-a-digest')), /dvc\.lock$/, /md5: must be an md5 digest/],
    ['a missing dvc.lock', (source) => rmSync(join(source, 'dvc.lock')), /dvc\.lock$/, /dvc\.lock \(written by `dvc repro`; run the pipeline first\) not found/],
    ['bad YAML in dvc.yaml', (source) => writeFileSync(join(source, 'dvc.yaml'), 'stages:\n  train:\n    cmd: [python\n'), /dvc\.yaml$/, /YAML syntax/],
  ];

  it.each(broken)('reports %s and writes nothing', async (_name, breakIt, file, message) => {
    const root = scratch();
    const source = copySource(repository);
    breakIt(source);
    const before = snapshot(root);
    const outcome = await importInto(root, 'dvc', source);
    expect(outcome.written).toBe(false);
    expect(outcome.problems.length).toBeGreaterThan(0);
    expect(outcome.problems[0]!.file).toMatch(file);
    expect(outcome.problems[0]!.message).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });
});
