import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogHistory, commitUrl, fileHistory, lastModified, parseNameStatusLog } from '../../src/publishing/git-history.ts';
import { commitAll, git, initRepository } from './git-fixture.ts';

const ada = { name: 'Ada Example', email: 'ada@example.org' };
const grace = { name: 'Grace Example', email: 'grace@example.org' };

let scratch: string;
let repository: string;
let catalog: string;
const commits: Record<string, string> = {};

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'heliograph-history-'));
  repository = join(scratch, 'repository');
  catalog = join(repository, 'content');
  mkdirSync(join(catalog, 'datasets'), { recursive: true });
  mkdirSync(join(catalog, 'runs'), { recursive: true });
  initRepository(repository);

  writeFileSync(join(catalog, 'datasets', 'demo-data.md'), '---\ntitle: Demo data\n---\n');
  writeFileSync(join(repository, 'README.md'), 'outside the catalog\n');
  commits.first = commitAll(repository, 'Add demo data', ada, '2024-03-01T10:00:00+01:00');

  writeFileSync(join(catalog, 'datasets', 'demo-data.md'), '---\ntitle: Demo data, corrected\n---\n');
  writeFileSync(join(catalog, 'runs', 'old-name.yaml'), 'title: A run\nrunStatus: finished\n');
  writeFileSync(join(repository, 'README.md'), 'still outside\n');
  commits.second = commitAll(repository, 'Correct the title; add a run', grace, '2024-04-02T09:30:00+00:00');

  git(repository, ['mv', 'content/runs/old-name.yaml', 'content/runs/new-name.yaml']);
  commits.third = commitAll(repository, 'Rename the run', ada, '2024-05-03T08:00:00+00:00');

  writeFileSync(join(catalog, 'datasets', 'untracked.md'), '---\ntitle: Not committed\n---\n');
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('catalogHistory', () => {
  it('indexes every commit of the catalog folder by file, newest first, from one git log', () => {
    const history = catalogHistory(catalog);
    expect(history.available).toBe(true);
    if (!history.available) return;
    expect(history.forFile(join(catalog, 'datasets', 'demo-data.md'))).toEqual([
      { commit: commits.second, date: '2024-04-02T09:30:00+00:00', author: 'Grace Example', message: 'Correct the title; add a run' },
      { commit: commits.first, date: '2024-03-01T10:00:00+01:00', author: 'Ada Example', message: 'Add demo data' },
    ]);
    expect([...history.files.keys()].sort()).toEqual(['content/datasets/demo-data.md', 'content/runs/new-name.yaml']);
  });

  it('follows renames, as git log --follow does', () => {
    const history = catalogHistory(catalog);
    if (!history.available) throw new Error(history.reason);
    expect(history.forFile(join(catalog, 'runs', 'new-name.yaml')).map((entry) => entry.commit)).toEqual([commits.third, commits.second]);
  });

  it('accepts paths relative to the working directory and gives [] for files without commits', () => {
    const history = catalogHistory(catalog);
    if (!history.available) throw new Error(history.reason);
    const cwd = process.cwd();
    process.chdir(repository);
    try {
      expect(history.forFile('content/datasets/demo-data.md')).toHaveLength(2);
    } finally {
      process.chdir(cwd);
    }
    expect(history.forFile(join(catalog, 'datasets', 'untracked.md'))).toEqual([]);
    expect(lastModified(history.forFile(join(catalog, 'datasets', 'demo-data.md')))).toBe('2024-04-02T09:30:00+00:00');
    expect(lastModified([])).toBeUndefined();
  });

  it('says the history is unavailable in a shallow clone', () => {
    const clone = join(scratch, 'shallow');
    git(scratch, ['clone', '--quiet', '--depth', '1', `file://${repository}`, clone]);
    const history = catalogHistory(join(clone, 'content'));
    expect(history).toEqual({ available: false, reason: expect.stringContaining('shallow clone') });
    expect(fileHistory(join(clone, 'content', 'datasets', 'demo-data.md'))).toMatchObject({ available: false });
  });

  it('says the history is unavailable in a folder outside git', () => {
    const plain = mkdtempSync(join(tmpdir(), 'heliograph-plain-'));
    try {
      writeFileSync(join(plain, 'catalog.yaml'), 'title: x\n');
      const previous = process.env.GIT_CEILING_DIRECTORIES;
      process.env.GIT_CEILING_DIRECTORIES = tmpdir();
      try {
        expect(catalogHistory(plain)).toEqual({ available: false, reason: expect.stringContaining('not in a git repository') });
        expect(fileHistory(join(plain, 'catalog.yaml'))).toEqual({ available: false, reason: expect.stringContaining('not in a git repository') });
      } finally {
        if (previous === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
        else process.env.GIT_CEILING_DIRECTORIES = previous;
      }
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('says so for a repository without commits', () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    initRepository(empty);
    expect(catalogHistory(empty)).toEqual({ available: false, reason: 'the repository has no commits yet' });
  });
});

describe('fileHistory', () => {
  it('lists one file\'s commits with git log --follow', () => {
    expect(fileHistory(join(catalog, 'runs', 'new-name.yaml'))).toEqual({
      available: true,
      entries: [
        { commit: commits.third, date: '2024-05-03T08:00:00+00:00', author: 'Ada Example', message: 'Rename the run' },
        { commit: commits.second, date: '2024-04-02T09:30:00+00:00', author: 'Grace Example', message: 'Correct the title; add a run' },
      ],
    });
    expect(fileHistory(join(catalog, 'datasets', 'untracked.md'))).toEqual({ available: true, entries: [] });
  });
});

describe('parseNameStatusLog', () => {
  it('attributes commits before a chain of renames to the current name', () => {
    const log = [
      '\x1ec3\x1f2024-03-03T00:00:00Z\x1fA\x1fthird\n\nR100\tb.md\tc.md\n',
      '\x1ec2\x1f2024-03-02T00:00:00Z\x1fA\x1fsecond\n\nR090\ta.md\tb.md\n',
      '\x1ec1\x1f2024-03-01T00:00:00Z\x1fA\x1ffirst\n\nA\ta.md\n',
    ].join('');
    expect([...parseNameStatusLog(log).get('c.md')!.map((entry) => entry.commit)]).toEqual(['c3', 'c2', 'c1']);
  });
});

describe('commitUrl', () => {
  it('links commits on GitHub and GitLab', () => {
    expect(commitUrl('https://github.com/lab/catalog', 'abc')).toBe('https://github.com/lab/catalog/commit/abc');
    expect(commitUrl('https://gitlab.com/lab/catalog.git', 'abc')).toBe('https://gitlab.com/lab/catalog/-/commit/abc');
  });
});
