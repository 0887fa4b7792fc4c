import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtures, scratchCatalog } from '../helpers/catalogs.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

/** Builds the minimal catalog with an invalid case laid over it. */
function buildWith(invalidCase: string) {
  const scratch = scratchCatalog();
  cleanups.push(scratch.remove);
  cpSync(join(fixtures, 'invalid', invalidCase), scratch.root, { recursive: true });
  const outDir = join(scratch.root, 'dist');
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    encoding: 'utf8',
    env: { ...process.env, HELIOGRAPH_CONTENT: scratch.root },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, built: existsSync(outDir) };
}

describe('npm run build', () => {
  it('refuses to build a catalog with errors, naming file, line and field, and writes no site', () => {
    const { status, output, built } = buildWith('bad-orcid');
    expect(status).not.toBe(0);
    expect(output).toMatch(/people\/bad-orcid\.yaml:2:8 error orcid: .*check character/);
    expect(built).toBe(false);
  }, 60_000);

  it('refuses a file that is not UTF-8, at its first bad byte', () => {
    const { status, output, built } = buildWith('not-utf8');
    expect(status).not.toBe(0);
    expect(output).toMatch(/datasets\/cafe\.md:2:11 error: not UTF-8 \(byte 0xE9\) \[not-utf8\]/);
    expect(built).toBe(false);
  }, 60_000);
});
