import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtSite } from './helpers.ts';

function run(script: string, args: string[]): void {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

function files(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(root, path)).isFile()).sort();
}

describe('a build in shards, merged', () => {
  const whole = builtSite('example');
  const root = mkdtempSync(join(tmpdir(), 'heliograph-shards-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const shards = [1, 2, 3].map((index) => join(root, `shard-${index}`));
  const merged = join(root, 'dist');
  for (const [position, out] of shards.entries()) run('scripts/build.ts', ['--catalog', 'content', '--out', out, '--shard', `${position + 1}/3`, '--silent']);
  run('scripts/merge.ts', [...shards, '--out', merged, '--catalog', 'content']);

  it('equals the site built in one go, file for file and byte for byte', () => {
    const expected = files(whole.outDir);
    expect(files(merged)).toEqual(expected);
    const differing = expected.filter((path) => !readFileSync(join(merged, path)).equals(readFileSync(join(whole.outDir, path))));
    expect(differing).toEqual([]);
  });

  it('refuses to merge a shard folder that does not exist', () => {
    const result = spawnSync(process.execPath, ['scripts/merge.ts', join(root, 'no-such-shard'), '--out', join(root, 'other'), '--catalog', 'content'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('does not exist');
  });
});
