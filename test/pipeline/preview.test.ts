import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedFiles, touchedRecords } from '../../src/pipeline/preview.ts';
import { loadSite } from '../../src/site/site.ts';
import { scratchCatalog } from '../helpers/catalogs.ts';

describe('what a change touches (pull-request previews)', () => {
  const site = loadSite('content');
  const path = (id: string) => site.catalog.records.get(id)!.path;

  it('is the changed records and the records whose pages show them', () => {
    const touched = touchedRecords(site, [path('lenet-fashion')]);
    expect(touched.changed).toEqual(['lenet-fashion']);
    // The run that trained it, the data it was trained on, its project, its creators.
    expect([...touched.ids]).toEqual(expect.arrayContaining(['lenet-fashion', 'lenet-baseline', 'fashion-benchmark', 'fashion-mnist']));
    expect(touched.ids.has('resnet18-sweep-lr-0-8')).toBe(false);
    expect(touched.everything).toBe(false);
  });

  it('counts a metric history for its run, and a catalog-wide file for every page', () => {
    const run = site.catalog.records.get('lenet-baseline')!;
    expect(touchedRecords(site, [join(run.path, '..', 'lenet-baseline.metrics.csv')]).changed).toEqual(['lenet-baseline']);
    expect(touchedRecords(site, [join(site.catalog.root, 'catalog.yaml')])).toMatchObject({ everything: true });
    expect(touchedRecords(site, [join(site.catalog.root, 'README.txt')]).ids.size).toBe(0);
  });

  describe('from git', () => {
    const scratch = scratchCatalog('content');
    afterAll(scratch.remove);
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: scratch.root, encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'catalog');

    it('lists files changed since a revision and files not yet committed', () => {
      appendFileSync(join(scratch.root, 'models', 'lenet-fashion.md'), '\nOne more line.\n');
      writeFileSync(join(scratch.root, 'people', 'new-person.yaml'), 'name: New Person\n');
      expect(changedFiles(scratch.root, 'HEAD').sort()).toEqual([join(scratch.root, 'models', 'lenet-fashion.md'), join(scratch.root, 'people', 'new-person.yaml')]);
    });

    it('names a revision git does not know', () => {
      expect(() => changedFiles(scratch.root, 'no-such-branch')).toThrow(/git diff .* failed/);
    });
  });
});
