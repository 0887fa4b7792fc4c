import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/catalog/check.ts';
import { scratchCatalog } from '../helpers/catalogs.ts';

// Each hazard is one clear error, found in bounded time (the test timeout) without reading or walking it whole.
let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((remove) => remove());
  cleanup = [];
});

function errorsWith(files: Record<string, string | Buffer>, prepare: (root: string) => void = () => {}) {
  const scratch = scratchCatalog(undefined, files);
  cleanup.push(scratch.remove);
  prepare(scratch.root);
  const { problems, catalog } = checkCatalog(scratch.root);
  const errors = problems.filter((problem) => problem.severity === 'error').map((problem) => ({ ...problem, file: relative(scratch.root, resolve(problem.file)) }));
  return { errors, catalog };
}

const dataset = (frontMatter: string) => `---\ntitle: Hazard\ndescription: A dataset made to test one hazard of YAML or the file system.\ncreators: [ada]\n${frontMatter}---\nBody.\n`;

describe('YAML hazards', () => {
  it('an alias bomb (billion laughs)', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 12; level++) {
      const previous = String.fromCharCode(96 + level);
      levels.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const { errors } = errorsWith({ 'datasets/bomb.md': dataset(`keywords: ${'x'}\nextra:\n${levels.map((line) => `  ${line}`).join('\n')}\n`) });
    expect(errors).toEqual([expect.objectContaining({ code: 'yaml-limit', file: 'datasets/bomb.md', line: 8, column: 10, message: expect.stringContaining('alias bomb') })]);
  });

  it('keeps a few harmless aliases', () => {
    const { errors, catalog } = errorsWith({ 'datasets/aliased.md': dataset('keywords: &words [fashion, images]\n') + '' });
    expect(errors).toEqual([]);
    expect(catalog.records.get('aliased')?.data).toMatchObject({ keywords: ['fashion', 'images'] });
  });

  it('nesting thousands deep, in flow and block style', () => {
    const flow = `keywords: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const block = `extra:\n${Array.from({ length: 1000 }, (_, depth) => `${' '.repeat(depth + 1)}k${depth}:`).join('\n')}\n`;
    const { errors } = errorsWith({ 'datasets/flow.md': dataset(flow), 'datasets/block.md': dataset(block) });
    expect(errors).toEqual([
      expect.objectContaining({ code: 'yaml-limit', file: 'datasets/block.md', message: 'nested more than 100 levels deep' }),
      expect.objectContaining({ code: 'yaml-limit', file: 'datasets/flow.md', line: 5, message: 'nested more than 100 levels deep' }),
    ]);
  });

  it('a front matter that never closes', () => {
    const { errors } = errorsWith({ 'datasets/open.md': `---\ntitle: Open\n${'description: still front matter\n'.repeat(2)}\nBody that was meant to follow a closing line.\n` });
    expect(errors).toEqual([expect.objectContaining({ code: 'front-matter-missing', file: 'datasets/open.md', message: 'the front matter is not closed by a "---" line' })]);
  });

  it('duplicate keys', () => {
    const { errors } = errorsWith({ 'datasets/twice.md': dataset('title: Again\n') });
    expect(errors).toEqual([expect.objectContaining({ code: 'yaml-syntax', file: 'datasets/twice.md', line: 5, message: 'Map keys must be unique' })]);
  });

  it('__proto__ and constructor keys, at the top and inside a map of values', () => {
    const { errors } = errorsWith({
      'datasets/proto.md': dataset('__proto__: { polluted: true }\n'),
      'runs/constructor.yaml': 'title: Run\ndescription: A run whose parameters name a reserved key.\ncreators: [ada]\nparameters:\n  constructor: 1\n  __proto__: 2\n',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errors).toEqual([
      expect.objectContaining({ code: 'reserved-key', file: 'datasets/proto.md', field: '__proto__', line: 5, column: 1 }),
      expect.objectContaining({ code: 'reserved-key', file: 'runs/constructor.yaml', field: 'parameters.constructor', line: 5, column: 3 }),
      expect.objectContaining({ code: 'reserved-key', file: 'runs/constructor.yaml', field: 'parameters.__proto__', line: 6, column: 3 }),
    ]);
  });

  it('a reserved key spelled with an escape', () => {
    const { errors } = errorsWith({ 'runs/escaped.yaml': 'title: Run\ndescription: A run whose parameters spell a reserved key with an escape.\ncreators: [ada]\nparameters:\n  "\\x5F_proto__": 1\n' });
    expect(errors).toEqual([expect.objectContaining({ code: 'reserved-key', file: 'runs/escaped.yaml', field: 'parameters.__proto__' })]);
  });

  it('tabs for indentation: one error naming every line', () => {
    const { errors } = errorsWith({ 'datasets/tabs.md': '---\ntitle: Tabs\ndescription: A dataset indented with tabs.\ncreators:\n\t- ada\n\t- ada\nkeywords:\n\t- x\n---\n' });
    expect(errors).toEqual([
      expect.objectContaining({ code: 'yaml-syntax', file: 'datasets/tabs.md', line: 5, message: 'Tabs are not allowed as indentation (also on lines 6, 8)', hint: expect.stringContaining('Indent with spaces') }),
    ]);
  });
});

describe('file hazards', () => {
  it('a 100 MB record file is refused without being read', () => {
    const { errors } = errorsWith({ 'datasets/huge.md': '' }, (root) => truncateSync(join(root, 'datasets/huge.md'), 100 * 1024 * 1024));
    expect(errors).toEqual([expect.objectContaining({ code: 'file-too-large', file: 'datasets/huge.md', message: 'the file is 100 MB; a catalog file may be at most 1 MB' })]);
  });

  it('a symbolic link in the catalog that leads outside it, or nowhere', () => {
    const outside = mkdtempSync(join(tmpdir(), 'heliograph-outside-'));
    cleanup.push(() => rmSync(outside, { recursive: true, force: true }));
    writeFileSync(join(outside, 'secret.yaml'), 'name: Secret Person\n');
    const { errors } = errorsWith({}, (root) => {
      symlinkSync(join(outside, 'secret.yaml'), join(root, 'people/secret.yaml'));
      symlinkSync(join(outside, 'gone.yaml'), join(root, 'people/gone.yaml'));
    });
    expect(errors).toEqual([
      expect.objectContaining({ code: 'outside-catalog', file: 'people/gone.yaml', message: expect.stringContaining('which does not exist') }),
      expect.objectContaining({ code: 'outside-catalog', file: 'people/secret.yaml', message: expect.stringContaining('outside the catalog') }),
    ]);
  });

  it('a symbolic link inside the catalog is read like the file it names', () => {
    const { errors, catalog } = errorsWith({}, (root) => {
      mkdirSync(join(root, 'shared'));
      writeFileSync(join(root, 'shared/bob.yaml'), 'name: Bob Example\n');
      symlinkSync(join(root, 'shared/bob.yaml'), join(root, 'people/bob.yaml'));
    });
    expect(errors).toEqual([]);
    expect(catalog.records.get('bob')?.data).toMatchObject({ name: 'Bob Example' });
  });

  it('a metric history outside the catalog', () => {
    const { errors } = errorsWith({}, (root) => {
      const outside = `${root}-history.csv`;
      writeFileSync(outside, 'step,rmse\n1,0.5\n');
      cleanup.push(() => rmSync(outside, { force: true }));
      const run = join(root, 'runs/demo-run.yaml');
      writeFileSync(run, readFileSync(run, 'utf8').replace('metricHistory: demo-run.metrics.csv', `metricHistory: ../../${basename(outside)}`));
    });
    expect(errors).toEqual([expect.objectContaining({ code: 'outside-catalog', file: 'runs/demo-run.yaml', field: 'metricHistory', line: 14, message: expect.stringContaining('outside the catalog') })]);
  });

  it('file names with spaces or upper case: one error, with the name to use', () => {
    const { errors } = errorsWith({ 'people/Grace Hopper.yaml': 'name: Grace Hopper\n', 'people/Alan-Turing.yaml': 'name: Alan Turing\n' });
    expect(errors).toEqual([
      expect.objectContaining({ code: 'invalid-id', file: 'people/Alan-Turing.yaml', hint: expect.stringContaining('Rename the file to alan-turing.yaml') }),
      expect.objectContaining({ code: 'invalid-id', file: 'people/Grace Hopper.yaml', hint: expect.stringContaining('Rename the file to grace-hopper.yaml') }),
    ]);
  });
});

describe('encodings', () => {
  it('a metric history that is not UTF-8 is an error at its first bad byte', () => {
    const { errors } = errorsWith({ 'runs/demo-run.metrics.csv': Buffer.concat([Buffer.from('step,loss\n1,0.5\n2,'), Buffer.from([0xff]), Buffer.from('\n')]) });
    expect(errors).toEqual([expect.objectContaining({ code: 'metric-history-invalid', file: 'runs/demo-run.metrics.csv', line: 3, column: 3, message: expect.stringContaining('not UTF-8 (byte 0xFF)') })]);
  });

  it('a UTF-16 file is not UTF-8, at its byte order mark', () => {
    const { errors } = errorsWith({ 'people/utf16.yaml': Buffer.from('\uFEFFname: Wide\n', 'utf16le') });
    expect(errors).toEqual([expect.objectContaining({ code: 'not-utf8', file: 'people/utf16.yaml', line: 1, column: 1, message: 'not UTF-8 (byte 0xFF)' })]);
  });
});
