/**
 * What every importer test does: import into a scratch copy of the minimal
 * catalog, read records back, compare the catalog before and after, and copy
 * a fixture source so that a test may break it.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';
import { parse } from 'yaml';
import { checkCatalog } from '../../src/catalog/check.ts';
import { importers } from '../../src/importers/index.ts';
import { runImport, type ImportOptions } from '../../src/importers/run-import.ts';
import { splitRecordFile } from '../../src/importers/record-text.ts';
import type { ImportTool } from '../../src/schema/common/imported-from.ts';
import { fixtures, scratchCatalog } from '../helpers/catalogs.ts';

export const importerFixtures = join(fixtures, 'importers');

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

/** A scratch copy of test/fixtures/catalogs/minimal, removed after the test. */
export function scratch(): string {
  const catalog = scratchCatalog();
  cleanups.push(catalog.remove);
  return catalog.root;
}

/** A copy of a fixture source (file or folder) that a test may change, removed after the test. */
export function copySource(path: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'heliograph-source-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const target = join(folder, path.slice(path.lastIndexOf('/') + 1));
  cpSync(path, target, { recursive: true, verbatimSymlinks: true });
  return target;
}

export function importInto(root: string, tool: ImportTool, source: string, options: Omit<ImportOptions, 'catalog'> = {}) {
  return runImport(importers[tool], source, { catalog: root, ...options });
}

/** Every file of a catalog with its content: equal snapshots mean nothing was written. */
export function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(root, path)] = readFileSync(path, 'utf8');
  }
  return files;
}

export function errors(root: string) {
  return checkCatalog(root).problems.filter((problem) => problem.severity === 'error');
}

/** A record file's YAML fields, its text and its body. */
export function readRecord(root: string, path: string): { data: Record<string, unknown>; text: string; body: string } {
  const text = readFileSync(join(root, path), 'utf8');
  const parts = splitRecordFile(text, path.endsWith('.md') ? 'markdown' : 'yaml')!;
  return { data: parse(parts.yaml) as Record<string, unknown>, text, body: parts.tail.replace(/^---\n/, '') };
}

export function read(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

/** The files an import added to the catalog, relative to it. */
export function added(before: Record<string, string>, root: string): string[] {
  return Object.keys(snapshot(root))
    .filter((path) => !(path in before))
    .sort();
}
