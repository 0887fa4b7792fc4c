import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRecordFile, SOURCE_KEY, writeRecordFile } from '../../src/editor/record-file.ts';

const dataset = readFileSync('content/datasets/fashion-mnist.md', 'utf8');

describe('record files in the web editor', () => {
  it('writes an untouched record back byte for byte', () => {
    for (const path of ['content/datasets/fashion-mnist.md', 'content/runs/resnet18-sweep-lr-0-1.yaml', 'content/projects/fashion-benchmark.md', 'test/fixtures/catalogs/minimal/people/ada.yaml']) {
      const text = readFileSync(path, 'utf8');
      const format = path.endsWith('.md') ? 'markdown' : 'yaml';
      expect(writeRecordFile(readRecordFile(text, format), format)).toBe(text);
    }
  });

  it('rewrites only the fields the form changed, keeping comments, order and the body elsewhere', () => {
    const text = `---\n# Who made it\ncreators: [han-xiao] # first author\ntitle: Old\nfiles:\n  - name: a.gz # the archive\n    size: 1\n    md5: ${'a'.repeat(32)}\n---\n\nThe body [@key].\n`;
    const data = readRecordFile(text, 'markdown');
    expect(data.body).toBe('The body [@key].\n');
    const files = data.files as { size: number }[];
    const written = writeRecordFile({ ...data, title: 'New', keywords: ['x'], files: [{ ...files[0], size: 2 }] }, 'markdown');
    expect(written).toBe(
      `---\n# Who made it\ncreators: [han-xiao] # first author\ntitle: New\nfiles:\n  - name: a.gz\n    size: 2\n    md5: ${'a'.repeat(32)}\nkeywords:\n  - x\n---\n\nThe body [@key].\n`,
    );
  });

  it('removes fields the form emptied and keeps fields the form does not show', () => {
    const data = readRecordFile('title: A\nversion: "1"\nmetricHistory: a.metrics.csv\n', 'yaml');
    expect(writeRecordFile({ ...data, version: '' }, 'yaml')).toBe('title: A\nmetricHistory: a.metrics.csv\n');
  });

  it('writes a new record in the order of the form, without empty fields', () => {
    const written = writeRecordFile({ description: 'D', title: 'T', keywords: [], access: { conditions: '' }, body: 'Text' }, 'markdown', ['title', 'description']);
    expect(written).toBe('---\ntitle: T\ndescription: D\n---\n\nText\n');
    expect(written).not.toContain(SOURCE_KEY);
  });

  it('keeps a folded description as written while another field changes', () => {
    const data = readRecordFile(dataset, 'markdown');
    const written = writeRecordFile({ ...data, version: '9' }, 'markdown');
    expect(written).toContain('description: >-\n');
    expect(written.split('\n').filter((line) => !/^version:/.test(line))).toEqual(dataset.split('\n').filter((line) => !/^version:/.test(line)));
  });
});
