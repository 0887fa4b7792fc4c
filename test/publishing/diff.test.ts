import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIFF_MARKER, renderMarkdown, renderText } from '../../src/publishing/diff-report.ts';
import { changedFields, diffAgainst, type CatalogDiff } from '../../src/publishing/diff.ts';
import { minimalCatalog, scratchCatalog } from '../helpers/catalogs.ts';
import { commitAll, git, initRepository } from './git-fixture.ts';

const bob = 'name: Bob Example\n';
const freshData = `---
title: Fresh data
description: A dataset added in a pull request, long enough to be a real description.
creators: [ada]
datePublished: 2024-02-01
license: MIT
---
`;

let repository: { root: string; remove(): void };
let catalog: string;

function edit(path: string, change: (text: string) => string): void {
  const file = join(catalog, path);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

beforeEach(() => {
  repository = scratchCatalog(minimalCatalog, { 'people/bob.yaml': bob });
  // The catalog folder is the repository here; a test below nests it as content/ is.
  catalog = repository.root;
  initRepository(catalog);
  commitAll(catalog, 'Base catalog', { name: 'Ada', email: 'ada@example.org' }, '2024-01-01T00:00:00Z');
});
afterEach(() => repository.remove());

/** The pull request: one of each kind of change. */
function changeEverything(): void {
  writeFileSync(join(catalog, 'datasets', 'fresh-data.md'), freshData);
  rmSync(join(catalog, 'people', 'bob.yaml'));
  edit('runs/demo-run.yaml', (text) =>
    text.replace('metrics:\n  rmse: 0.5', 'metrics:\n  rmse: 0.42\n  accuracy: 0.91').replace('learning_rate: 0.01', 'learning_rate: 0.02'),
  );
  appendFileSync(join(catalog, 'runs', 'demo-run.metrics.csv'), '3,0.4,0.42\n');
  edit('models/demo-model.md', (text) =>
    text.replace('task: regression\n', 'task: regression\nstatus:\n  state: withdrawn\n  date: 2024-06-01\n  reason: Trained on the wrong split.\n'),
  );
  edit('projects/demo.md', (text) => text.replace('The project body', 'The revised project body'));
  edit('catalog.yaml', (text) => text.replace('title: Minimal test catalog', 'title: Minimal test catalog, renamed'));
}

describe('diffAgainst', () => {
  it('finds nothing when the working tree is the base', () => {
    const diff = diffAgainst(catalog, 'HEAD');
    expect(diff).toMatchObject({ added: [], changed: [], withdrawn: [], removed: [], metrics: [], settings: [], bibliographyChanged: false, errors: 0 });
    expect(renderText(diff)).toMatch(/^Catalog changes against HEAD \([0-9a-f]{7}\): none\n$/);
    expect(renderMarkdown(diff)).toContain('No catalog records changed.');
  });

  it('lists records added, changed (which fields), withdrawn and removed, and metric differences', () => {
    changeEverything();
    const diff = diffAgainst(catalog, 'HEAD');
    expect(diff.added).toEqual([{ type: 'dataset', id: 'fresh-data', title: 'Fresh data', file: expect.stringMatching(/datasets\/fresh-data\.md$/) }]);
    expect(diff.removed).toMatchObject([{ type: 'person', id: 'bob', title: 'Bob Example' }]);
    expect(diff.changed).toMatchObject([
      { id: 'demo', fields: ['body'] },
      { id: 'demo-run', fields: ['metrics.accuracy', 'metrics.rmse', 'parameters.learning_rate', 'metricHistory (CSV)'] },
    ]);
    expect(diff.withdrawn).toMatchObject([{ id: 'demo-model', fields: ['status'], date: '2024-06-01', reason: 'Trained on the wrong split.' }]);
    expect(diff.metrics).toEqual([
      { run: 'demo-run', metric: 'accuracy', old: undefined, new: 0.91, delta: undefined },
      { run: 'demo-run', metric: 'rmse', old: 0.5, new: 0.42, delta: -0.08 },
    ]);
    expect(diff.settings).toEqual(['title']);
  });

  it('renders Markdown for a pull request comment', () => {
    changeEverything();
    const markdown = renderMarkdown(diffAgainst(catalog, 'HEAD'));
    expect(markdown.startsWith(`${DIFF_MARKER}\n### Catalog changes against \`HEAD\``)).toBe(true);
    expect(markdown).toContain('**1 added, 2 changed, 1 withdrawn, 1 removed**');
    expect(markdown).toMatch(/- dataset \*\*`fresh-data`\*\*: Fresh data \(`.*datasets\/fresh-data\.md`\)\n/);
    expect(markdown).toMatch(/- run \*\*`demo-run`\*\*: Demo training run \(`.*`\) — `metrics\.accuracy`, `metrics\.rmse`, `parameters\.learning_rate`, `metricHistory \(CSV\)`\n/);
    expect(markdown).toMatch(/- model \*\*`demo-model`\*\*: Demo model \(`.*`\) — on 2024-06-01: Trained on the wrong split\.\n/);
    expect(markdown).toContain(
      ['| run | metric | old | new | Δ |', '| --- | --- | ---: | ---: | ---: |', '| `demo-run` | accuracy | — | 0.91 | — |', '| `demo-run` | rmse | 0.5 | 0.42 | -0.08 |'].join('\n'),
    );
    expect(markdown).toContain('Catalog settings (`catalog.yaml`): `title` changed.');
  });

  it('calls an invalid file changed, not removed, and counts the errors', () => {
    edit('datasets/demo-data.md', (text) => text.replace('title: Demo data', 'titel: Demo data'));
    const diff: CatalogDiff = diffAgainst(catalog, 'HEAD');
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toMatchObject([{ id: 'demo-data', invalid: true, title: 'Demo data' }]);
    expect(diff.errors).toBeGreaterThan(0);
    expect(renderMarkdown(diff)).toContain('see the check');
  });

  it('compares a catalog in a sub-folder of the repository', () => {
    const parent = scratchCatalog(minimalCatalog);
    try {
      git(parent.root, ['init', '--quiet']);
      const content = join(parent.root, 'content');
      mkdirSync(content);
      for (const name of ['catalog.yaml', 'people', 'organizations', 'projects', 'datasets', 'models', 'runs', 'references.bib']) {
        renameSync(join(parent.root, name), join(content, name));
      }
      commitAll(parent.root, 'Base', { name: 'Ada', email: 'ada@example.org' }, '2024-01-01T00:00:00Z');
      writeFileSync(join(content, 'datasets', 'fresh-data.md'), freshData);
      expect(diffAgainst(content, 'HEAD').added.map((record) => record.id)).toEqual(['fresh-data']);
    } finally {
      parent.remove();
    }
  });

  it('explains an unknown base', () => {
    expect(() => diffAgainst(catalog, 'origin/nowhere')).toThrow('"origin/nowhere" is not a commit in this repository; fetch it first');
  });
});

describe('changedFields', () => {
  it('ignores key order and goes one level into maps', () => {
    expect(changedFields({ a: 1, b: { x: 1, y: [1, 2] } }, { b: { y: [1, 2], x: 1 }, a: 1 })).toEqual([]);
    expect(changedFields({ a: [1], b: { x: 1 } }, { a: [2], b: { x: 2, z: 3 }, c: 'new' })).toEqual(['a', 'b.x', 'b.z', 'c']);
  });
});

// Starts node twice; on a loaded machine that alone can pass the default 5 s.
describe('npm run diff', { timeout: 30_000 }, () => {
  it('writes the Markdown report to a file, and fails clearly without --base', () => {
    changeEverything();
    const output = join(catalog, '..', `diff-${Date.now()}.md`);
    try {
      const ok = spawnSync(process.execPath, ['scripts/diff.ts', '--base', 'HEAD', '--catalog', catalog, '--format', 'markdown', '--output', output], { encoding: 'utf8' });
      expect(ok.status).toBe(0);
      expect(readFileSync(output, 'utf8')).toContain('**1 added, 2 changed, 1 withdrawn, 1 removed**');
    } finally {
      rmSync(output, { force: true });
    }
    const text = spawnSync(process.execPath, ['scripts/diff.ts', '--base', 'HEAD', '--catalog', catalog], { encoding: 'utf8' });
    expect(text.stdout).toContain('Metric differences (old → new, Δ):\n  demo-run accuracy: — → 0.91 (—)\n  demo-run rmse: 0.5 → 0.42 (-0.08)\n');
    const missing = spawnSync(process.execPath, ['scripts/diff.ts', '--catalog', catalog], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--base is required');
    const unknown = spawnSync(process.execPath, ['scripts/diff.ts', '--base', 'nowhere', '--catalog', catalog], { encoding: 'utf8' });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('"nowhere" is not a commit');
  });
});
