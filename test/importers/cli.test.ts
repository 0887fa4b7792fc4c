import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySource, importerFixtures, scratch, snapshot } from './helpers.ts';

const mlruns = join(importerFixtures, 'mlflow', 'mlruns');

function runImport(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8', env: { ...process.env, HELIOGRAPH_CONTENT: '', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test starts the command two or three times; on a busy machine one start takes seconds.
describe('npm run import', { timeout: 30_000 }, () => {
  it('prints what it created, and on the next run that nothing changed', () => {
    const root = scratch();
    const first = runImport(['mlflow', mlruns, '--catalog', root]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^created .*runs\/baseline-cnn\.md$/m);
    expect(first.stdout).toMatch(/^created .*runs\/baseline-cnn\.metrics\.csv$/m);
    expect(first.stdout).toMatch(/^note: MLflow user "bob" is not the name of a person/m);
    expect(first.stdout).toMatch(/6 created, 0 updated, 0 unchanged$/m);
    const second = runImport(['mlflow', mlruns, '--catalog', root]);
    expect(second.stdout).toMatch(/0 created, 0 updated, 4 unchanged$/m);
  });

  it('reads the catalog folder from HELIOGRAPH_CONTENT, and writes nothing with --dry-run', () => {
    const root = scratch();
    const before = snapshot(root);
    const result = runImport(['wandb', join(importerFixtures, 'wandb', 'run-20240301_093000-k3x9q2ab'), '--dry-run'], { HELIOGRAPH_CONTENT: root });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^would be created .*runs\/wandb-k3x9q2ab\.md$/m);
    expect(result.stdout).toMatch(/^dry run, nothing written: 1 created/m);
    expect(snapshot(root)).toEqual(before);
  });

  it('exits 1 with the file, line and problem of a malformed source', () => {
    const root = scratch();
    const source = copySource(mlruns);
    appendFileSync(join(source, '1', '4f0c3b1fd2a94c6e8a1b7d3e5f607182', 'metrics', 'loss'), '1709285640000 oops 3\n');
    const result = runImport(['mlflow', source, '--catalog', root]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/metrics\/loss:4 error metric "loss": value "oops" is not a number\nnothing written: 1 problem\(s\)/);
  });

  it('refuses an unknown source, a missing path argument and a project that does not exist', () => {
    const root = scratch();
    expect(runImport(['neptune', 'x', '--catalog', root])).toMatchObject({ status: 2, stderr: expect.stringMatching(/unknown source "neptune"[\s\S]*croissant/) });
    expect(runImport(['mlflow'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^usage: npm run import/) });
    expect(runImport(['mlflow', mlruns, '--catalog', root, '--project', 'nope'])).toMatchObject({ status: 1, stdout: expect.stringMatching(/--project: "nope" is not a project in this catalog/) });
  });
});
