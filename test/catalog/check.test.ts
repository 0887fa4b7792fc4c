import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/catalog/check.ts';
import type { Problem } from '../../src/diagnostics/problem.ts';
import { fixtures, minimalCatalog, scratchCatalog } from '../helpers/catalogs.ts';

const invalidCases = join(fixtures, 'invalid');
let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((remove) => remove());
  cleanup = [];
});

function checkWith(prepare: (root: string) => void = () => {}) {
  const scratch = scratchCatalog();
  cleanup.push(scratch.remove);
  prepare(scratch.root);
  const result = checkCatalog(scratch.root);
  const located = (problem: Problem) => ({ ...problem, file: relative(scratch.root, resolve(problem.file)) });
  return { ...result, root: scratch.root, errors: result.problems.filter((p) => p.severity === 'error').map(located) };
}

describe('the minimal catalog', () => {
  it('has no problems at all', () => {
    expect(checkCatalog(minimalCatalog).problems).toEqual([]);
  });

  it('loads every record type', () => {
    const { catalog } = checkCatalog(minimalCatalog);
    expect([...catalog.records.values()].map((record) => record.type).sort()).toEqual(['dataset', 'model', 'organization', 'person', 'project', 'run']);
  });

  it('tolerates a byte order mark and Windows line endings', () => {
    const { errors, catalog } = checkWith((root) => {
      for (const file of ['datasets/demo-data.md', 'runs/demo-run.yaml', 'catalog.yaml']) {
        const text = readFileSync(join(root, file), 'utf8');
        writeFileSync(join(root, file), `\uFEFF${text.replaceAll('\n', '\r\n')}`);
      }
    });
    expect(errors).toEqual([]);
    expect(catalog.records.get('demo-data')?.data).toMatchObject({ title: 'Demo data', files: [{ size: 1024 }] });
  });
});

describe('bad input is reported at its file, line and field', () => {
  for (const name of readdirSync(invalidCases).sort()) {
    it(name, () => {
      const caseFolder = join(invalidCases, name);
      const expected = JSON.parse(readFileSync(join(caseFolder, 'expected.json'), 'utf8')) as Partial<Problem>[];
      const { errors } = checkWith((root) => {
        cpSync(caseFolder, root, { recursive: true, filter: (source) => !source.endsWith('expected.json') });
      });
      expect(errors).toHaveLength(expected.length);
      for (const [index, want] of expected.entries()) expect(errors[index]).toMatchObject(want);
    });
  }
});

describe('problem reporting', () => {
  it('reports every problem of every file at once', () => {
    const { errors } = checkWith((root) => {
      for (const name of ['bad-orcid', 'unknown-key', 'dangling-reference']) cpSync(join(invalidCases, name), root, { recursive: true });
    });
    expect(errors.map((error) => error.code).sort()).toEqual(['dangling-reference', 'invalid-value', 'unknown-key']);
  });

  it('gives the field description as a hint for a missing field', () => {
    const { errors } = checkWith((root) => cpSync(join(invalidCases, 'missing-field'), root, { recursive: true }));
    expect(errors[0]!.hint).toMatch(/people or organizations who made it/);
  });

  it('suggests the SPDX id closest to an unknown licence', () => {
    const { errors } = checkWith((root) => cpSync(join(invalidCases, 'unknown-license'), root, { recursive: true }));
    expect(errors[0]!.message).toContain('did you mean "CC-BY-4.0"?');
  });

  it('warns about missing recommended metadata without failing', () => {
    const { problems, errors } = checkWith((root) => writeFileSync(join(root, 'people/bob.yaml'), 'name: Bob Example\n'));
    expect(errors).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'recommended-missing', message: 'no ORCID iD' }));
  });

  it('warns at file and line where a body holds HTML the page will not carry', () => {
    const { problems, errors } = checkWith((root) =>
      writeFileSync(join(root, 'datasets/unsafe.md'), '---\ntitle: Unsafe body\ndescription: A dataset whose body holds a script and a javascript link.\ncreators: [ada]\n---\nFine text.\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1))\n'),
    );
    expect(errors).toEqual([]);
    expect(problems.filter((problem) => problem.code === 'html-removed')).toEqual([
      expect.objectContaining({ severity: 'warning', file: expect.stringMatching(/datasets\/unsafe\.md$/), field: 'body', line: 8, column: 1, message: '<script> will be removed with its content' }),
      expect.objectContaining({ line: 10, message: expect.stringMatching(/^the URL "javascript:alert\(1\)" of <a> will be removed/) }),
    ]);
  });

  it('removes control characters, with a warning at their field, from fields and body', () => {
    const { problems, catalog } = checkWith((root) =>
      writeFileSync(join(root, 'datasets/bell.md'), '---\ntitle: "Bell\\a here"\ndescription: A dataset whose title holds a bell character pasted from a terminal.\ncreators: [ada]\n---\nBody\u0007 text.\n'),
    );
    const warnings = problems.filter((problem) => problem.code === 'control-character');
    expect(warnings).toEqual([
      expect.objectContaining({ severity: 'warning', field: 'title', line: 2, message: expect.stringContaining('U+0007') }),
      expect.objectContaining({ severity: 'warning', field: 'body', line: 6 }),
    ]);
    const record = catalog.records.get('bell')!;
    expect(record.data).toMatchObject({ title: 'Bell here' });
    expect(record.body).toBe('Body text.\n');
  });

  it('accepts records whose fields are valid but whose ids in the file name are not', () => {
    const { errors } = checkWith((root) => writeFileSync(join(root, 'people/Bad_Name.yaml'), 'name: Bad Name\n'));
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid-id', file: 'people/Bad_Name.yaml' })]);
  });
});
