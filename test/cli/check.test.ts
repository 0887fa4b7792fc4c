import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtures, minimalCatalog, scratchCatalog } from '../helpers/catalogs.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

function check(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/check.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', HELIOGRAPH_CONTENT: '', ...env },
  });
  return { status: result.status, stdout: result.stdout };
}

function brokenCatalog() {
  const scratch = scratchCatalog();
  cleanups.push(scratch.remove);
  cpSync(join(fixtures, 'invalid', 'unknown-key'), scratch.root, { recursive: true });
  return scratch.root;
}

// Each test starts node once or twice; on a loaded machine that alone can pass the default 5 s.
describe('npm run check', { timeout: 30_000 }, () => {
  it('exits 0 on a valid catalog and says how many records it checked', () => {
    const { status, stdout } = check([minimalCatalog]);
    expect(status).toBe(0);
    expect(stdout).toContain('6 records checked: 0 errors, 0 warnings');
  });

  it('prints path:line:column severity field: message and exits 1 on errors', () => {
    const root = brokenCatalog();
    const { status, stdout } = check(['--catalog', root]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/datasets\/typo\.md:5:1 error licence: unknown field "licence" \[unknown-key\]\n {4}hint: did you mean "license"\?/);
  });

  it('reads the catalog folder from HELIOGRAPH_CONTENT when no option is given', () => {
    expect(check([], { HELIOGRAPH_CONTENT: brokenCatalog() }).status).toBe(1);
    expect(check([], { HELIOGRAPH_CONTENT: minimalCatalog }).status).toBe(0);
  });

  it('writes JSON for machines', () => {
    const { stdout } = check([brokenCatalog(), '--format', 'json']);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ records: 6, error: 1, problems: [{ code: 'unknown-key', line: 5, field: 'licence' }] });
  });

  it('writes GitHub annotations inside GitHub Actions', () => {
    const { stdout } = check([brokenCatalog()], { GITHUB_ACTIONS: 'true' });
    expect(stdout).toMatch(/^::error file=.*datasets\/typo\.md,line=5,col=1,title=unknown-key::licence: unknown field "licence"%0Adid you mean "license"\?$/m);
  });

  it('fails on warnings only with --strict', () => {
    const scratch = scratchCatalog(minimalCatalog, { 'people/bob.yaml': 'name: Bob Example\n' });
    cleanups.push(scratch.remove);
    expect(check([scratch.root]).status).toBe(0);
    expect(check([scratch.root, '--strict']).status).toBe(1);
  });
});
