import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withDoi, WriteBackError, writeDoi } from '../../src/publishing/write-back.ts';

const markdown = `---
# A dataset without a DOI yet.
title: "Fresh data"   # quoted on purpose
description: >-
  A folded description whose line breaks
  must stay where they are.
creators: [ada]
files:
  - name: fresh.csv
    size: 10
# a comment after the last field
---
Body with --- dashes and a [link](https://example.org).
`;

const yaml = `# yaml-language-server: $schema=../schemas/run.schema.json
title: A run
runStatus: finished   # finished, failed, running or killed
startTime: 2024-01-10T09:00:00Z
parameters:
  learning_rate: 0.01
`;

describe('withDoi', () => {
  it('adds the doi as the last front matter field and leaves every other byte alone', () => {
    const updated = withDoi(markdown, '10.5072/fresh-data', { markdown: true });
    expect(updated).toBe(markdown.replace('# a comment after the last field\n---', '# a comment after the last field\ndoi: 10.5072/fresh-data\n---'));
  });

  it('adds the doi at the end of a YAML record, with comments intact', () => {
    expect(withDoi(yaml, '10.5072/a-run', { markdown: false })).toBe(`${yaml}doi: 10.5072/a-run\n`);
  });

  it('keeps Windows line endings, a byte order mark and a missing final newline', () => {
    const crlf = `\uFEFF${yaml.trimEnd().replaceAll('\n', '\r\n')}`;
    expect(withDoi(crlf, '10.5072/a-run', { markdown: false })).toBe(`${crlf}\r\ndoi: 10.5072/a-run\r\n`);
    const crlfMarkdown = `\uFEFF${markdown.replaceAll('\n', '\r\n')}`;
    expect(withDoi(crlfMarkdown, '10.5072/x', { markdown: true })).toBe(
      crlfMarkdown.replace('field\r\n---', 'field\r\ndoi: 10.5072/x\r\n---'),
    );
  });

  it('quotes a DOI that YAML would otherwise misread', () => {
    expect(withDoi('title: x\n', '10.5072/a: b #c', { markdown: false })).toBe('title: x\ndoi: "10.5072/a: b #c"\n');
  });

  it('does nothing when the file has the same DOI, and refuses to replace another', () => {
    const withOne = `${yaml}doi: 10.5072/A-Run\n`;
    expect(withDoi(withOne, '10.5072/a-run', { markdown: false })).toBeUndefined();
    expect(() => withDoi(withOne, '10.5072/other', { markdown: false, file: 'runs/a.yaml' })).toThrow(
      new WriteBackError('runs/a.yaml', 'already has doi 10.5072/A-Run; not replacing it with 10.5072/other'),
    );
  });

  it('refuses files it cannot edit safely', () => {
    expect(() => withDoi('no front matter\n', '10.5072/x', { markdown: true })).toThrow(/no "---" front matter/);
    expect(() => withDoi('---\ntitle: x\n', '10.5072/x', { markdown: true })).toThrow(/not closed/);
    expect(() => withDoi('{title: x}\n', '10.5072/x', { markdown: false })).toThrow(/not a block mapping/);
    expect(() => withDoi('title: [x\n', '10.5072/x', { markdown: false })).toThrow(/does not parse/);
  });
});

describe('writeDoi', () => {
  let folder: string | undefined;
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  });

  it('replaces the file atomically and leaves no temporary file', () => {
    folder = mkdtempSync(join(tmpdir(), 'heliograph-write-back-'));
    const path = join(folder, 'fresh-data.md');
    writeFileSync(path, markdown);
    expect(writeDoi(path, '10.5072/fresh-data')).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('# a comment after the last field\ndoi: 10.5072/fresh-data\n---\nBody');
    expect(writeDoi(path, '10.5072/fresh-data')).toBe(false);
    expect(readdirSync(folder)).toEqual(['fresh-data.md']);
  });
});
