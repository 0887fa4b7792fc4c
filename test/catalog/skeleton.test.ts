import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/catalog/check.ts';
import { recordTypeNames, recordTypes } from '../../src/schema/index.ts';
import { scratchCatalog } from '../helpers/catalogs.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

function runNew(...args: string[]) {
  return execFileSync(process.execPath, ['scripts/new.ts', ...args], { encoding: 'utf8', stdio: 'pipe' });
}

describe('npm run new', () => {
  const credited = recordTypeNames.filter((type) => 'creators' in (recordTypes[type].schema as unknown as { shape: object }).shape);

  it.each(recordTypeNames)('writes a %s skeleton that passes check once its creators are named', (type) => {
    const scratch = scratchCatalog();
    cleanups.push(scratch.remove);
    const output = runNew(type, `new-${type}`, '--catalog', scratch.root);
    expect(output).toContain(`new-${type}`);
    const file = join(scratch.root, recordTypes[type].folder, `new-${type}${recordTypes[type].extensions[0]}`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(creators|manufacturers|owners): \[\].*$/gm, '$1: [ada]'));
    const { problems, catalog } = checkCatalog(scratch.root);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(catalog.records.get(`new-${type}`)?.type).toBe(type);
  });

  it.each(credited)('credits nobody in a %s skeleton: left untouched, it does not pass check', (type) => {
    const scratch = scratchCatalog();
    cleanups.push(scratch.remove);
    runNew(type, `new-${type}`, '--catalog', scratch.root);
    const text = readFileSync(join(scratch.root, recordTypes[type].folder, `new-${type}.md`), 'utf8');
    expect(text).toContain('creators: []  # name them: ids of people or organizations, in citation order, e.g. [ada, example-org]');
    const errors = checkCatalog(scratch.root).problems.filter((problem) => problem.severity === 'error');
    expect(errors).toMatchObject([{ field: 'creators', message: expect.stringContaining('name at least one creator') }]);
  });

  it('lists optional fields as comments with their descriptions', () => {
    const scratch = scratchCatalog();
    cleanups.push(scratch.remove);
    runNew('model', 'commented', '--catalog', scratch.root);
    const text = readFileSync(join(scratch.root, 'models/commented.md'), 'utf8');
    expect(text).toContain('# baseModel:  # Model this one was fine-tuned from');
  });

  it('refuses an id that is taken or malformed, writing nothing', () => {
    const scratch = scratchCatalog();
    cleanups.push(scratch.remove);
    expect(() => runNew('dataset', 'demo-data', '--catalog', scratch.root)).toThrow(/already used by/);
    expect(() => runNew('dataset', 'Bad_Id', '--catalog', scratch.root)).toThrow(/not a valid id/);
    expect(() => runNew('thing', 'x', '--catalog', scratch.root)).toThrow(/unknown type/);
    expect(checkCatalog(scratch.root).catalog.records.size).toBe(6);
    // Three runs of node: more than the default 5 s on a loaded machine.
  }, 30_000);
});
