import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/catalog/check.ts';
import { fixtures, scratchCatalog } from '../helpers/catalogs.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

describe('metric histories validated in a worker thread (the check command)', () => {
  it('report exactly what the in-process check reports', () => {
    const scratch = scratchCatalog();
    cleanups.push(scratch.remove);
    for (const name of ['non-numeric-history', 'missing-metric-history']) cpSync(join(fixtures, 'invalid', name), scratch.root, { recursive: true, filter: (path) => !path.endsWith('expected.json') });
    // A history outside runs/ is not prefetched; it is read when asked for.
    mkdirSync(join(scratch.root, 'histories'));
    writeFileSync(join(scratch.root, 'histories', 'elsewhere.csv'), 'step,loss\n0,1\n1,oops\n');
    writeFileSync(join(scratch.root, 'runs', 'elsewhere.yaml'), 'title: Elsewhere\nrunStatus: finished\nstartTime: 2024-01-10T09:00:00Z\nmetricHistory: ../histories/elsewhere.csv\n');
    const inProcess = checkCatalog(scratch.root).problems;
    const parallel = checkCatalog(scratch.root, { parallel: true }).problems;
    expect(parallel).toEqual(inProcess);
    expect(parallel.map((problem) => problem.code)).toEqual(expect.arrayContaining(['metric-history-invalid', 'metric-history-missing']));
    expect(parallel.filter((problem) => problem.file.endsWith('elsewhere.csv'))).toHaveLength(1);
  });

  it('find nothing wrong in a valid catalog', () => {
    expect(checkCatalog('content', { parallel: true }).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });
});
