import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtures, scratchCatalog } from '../helpers/catalogs.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

describe('npm run build', () => {
  it('refuses to build a catalog with errors, naming file, line and field, and writes no site', () => {
    const scratch = scratchCatalog();
    cleanups.push(scratch.remove);
    cpSync(join(fixtures, 'invalid', 'bad-orcid'), scratch.root, { recursive: true });
    const outDir = join(scratch.root, 'dist');
    const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
      encoding: 'utf8',
      env: { ...process.env, HELIOGRAPH_CONTENT: scratch.root },
    });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/people\/bad-orcid\.yaml:2:8 error orcid: .*check character/);
    expect(existsSync(outDir)).toBe(false);
  }, 60_000);

  it('refuses a file that is not UTF-8, at its first bad byte', () => {
    const scratch = scratchCatalog();
    cleanups.push(scratch.remove);
    cpSync(join(fixtures, 'invalid', 'not-utf8'), scratch.root, { recursive: true });
    const outDir = join(scratch.root, 'dist');
    const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
      encoding: 'utf8',
      env: { ...process.env, HELIOGRAPH_CONTENT: scratch.root },
    });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/datasets\/cafe\.md:2:11 error: not UTF-8 \(byte 0xE9\) \[not-utf8\]/);
    expect(existsSync(outDir)).toBe(false);
  }, 60_000);
});
