import { describe, expect, it } from 'vitest';
import { datasetSchema } from '../../src/schema/dataset.ts';

const file = (name: string, url: string) => ({ name, url, mediaType: 'text/csv', size: 1, sha256: 'a'.repeat(64) });

function issuesOf(variables: object[], files = [file('a.csv', 'https://example.org/a.csv'), file('b.csv', 'https://example.org/b.csv')]) {
  const result = datasetSchema.safeParse({ title: 'T', description: 'D', creators: ['someone'], files, variables });
  return result.success ? [] : result.error.issues.filter((issue) => issue.path[0] === 'variables').map((issue) => [issue.path.join('.'), issue.message]);
}

describe('a variable’s file', () => {
  it('names one of the dataset’s files, by name or URL', () => {
    expect(issuesOf([{ name: 'x', file: 'a.csv' }, { name: 'y', file: 'https://example.org/b.csv', column: 'Y' }])).toEqual([]);
  });

  it('is refused when it names no file, with the files to choose from', () => {
    expect(issuesOf([{ name: 'x', file: 'c.csv' }])).toEqual([['variables.0.file', 'names no file of this dataset (files: a.csv, b.csv)']]);
  });

  it('must be a URL when two files share its name', () => {
    const files = [file('t.csv', 'https://example.org/1/t.csv'), file('t.csv', 'https://example.org/2/t.csv')];
    expect(issuesOf([{ name: 'x', file: 't.csv' }], files)).toEqual([['variables.0.file', 'names 2 files; give the URL of the one that holds this variable']]);
    expect(issuesOf([{ name: 'x', file: 'https://example.org/2/t.csv' }], files)).toEqual([]);
  });
});
