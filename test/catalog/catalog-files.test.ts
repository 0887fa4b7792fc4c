import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/catalog/check.ts';
import { scratchCatalog } from '../helpers/catalogs.ts';

const CSV = 'x,y\n1,2\n3,4\n';
const sha256 = createHash('sha256').update(CSV).digest('hex');
const URL = 'https://catalog.example.org/lab/datasets/kept/points.csv';

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((remove) => remove());
  cleanup = [];
});

function dataset(file: Record<string, string | number>): string {
  const entry = Object.entries({ name: 'points.csv', path: 'kept/points.csv', url: URL, mediaType: 'text/csv', size: CSV.length, sha256, ...file })
    .map(([key, value], index) => `${index ? '    ' : '  - '}${key}: ${value}`)
    .join('\n');
  return `---\ntitle: Kept\ndescription: A dataset whose one file is kept in the catalog.\ncreators: [ada]\nfiles:\n${entry}\n---\nBody.\n`;
}

function errorsWith(record: string, csv: string | null = CSV, prepare: (root: string) => void = () => {}) {
  const scratch = scratchCatalog(undefined, { 'datasets/kept.md': record, ...(csv !== null && { 'datasets/kept/points.csv': csv }) });
  cleanup.push(scratch.remove);
  prepare(scratch.root);
  return checkCatalog(scratch.root)
    .problems.filter((problem) => problem.severity === 'error')
    .map((problem) => ({ ...problem, file: relative(scratch.root, resolve(problem.file)) }));
}

describe('files kept in the catalog', () => {
  it('a file whose size, checksum and url match passes', () => {
    expect(errorsWith(dataset({}))).toEqual([]);
  });

  it('a missing file is an error at its path', () => {
    expect(errorsWith(dataset({}), null)).toEqual([expect.objectContaining({ code: 'catalog-file-missing', file: 'datasets/kept.md', field: 'files[0].path', line: 7 })]);
  });

  it('a file that changed: size and checksum errors give the file’s own values', () => {
    const errors = errorsWith(dataset({}), 'x,y\n1,2\n3,5\n9,9\n');
    expect(errors.map(({ code, field }) => [code, field])).toEqual([
      ['catalog-file-mismatch', 'files[0].size'],
      ['catalog-file-mismatch', 'files[0].sha256'],
    ]);
    expect(errors[1]!.message).toContain(createHash('sha256').update('x,y\n1,2\n3,5\n9,9\n').digest('hex'));
  });

  it('a url elsewhere than where the build publishes the file, with the url to set', () => {
    const [error] = errorsWith(dataset({ url: 'https://elsewhere.example.org/points.csv' }));
    expect(error).toMatchObject({ code: 'catalog-file-mismatch', field: 'files[0].url', hint: `Set url: ${URL}` });
  });

  it('a path out of the catalog is refused by the schema, and a link out of it by the rule', () => {
    expect(errorsWith(dataset({ path: '../../etc/passwd' }))).toEqual([expect.objectContaining({ field: 'files[0].path', message: expect.stringContaining('inside the catalog') })]);
    const outside = join(tmpdir(), `heliograph-outside-${process.pid}.csv`);
    writeFileSync(outside, CSV);
    cleanup.push(() => rmSync(outside, { force: true }));
    const errors = errorsWith(dataset({}), null, (root) => {
      mkdirSync(join(root, 'datasets/kept'), { recursive: true });
      symlinkSync(outside, join(root, 'datasets/kept/points.csv'));
    });
    expect(errors).toEqual([expect.objectContaining({ code: 'outside-catalog', field: 'files[0].path' })]);
  });
});
