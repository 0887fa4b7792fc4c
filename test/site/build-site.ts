/**
 * Builds the example catalog, a catalog of metadata edge cases and one of
 * hostile bodies once, for all site tests, into temporary folders.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

export const builtSites = {
  example: 'content',
  edge: 'test/fixtures/catalogs/datacite-edge',
  hostile: 'test/fixtures/catalogs/hostile',
} as const;

declare module 'vitest' {
  export interface ProvidedContext {
    sites: Record<keyof typeof builtSites, { outDir: string; catalog: string }>;
  }
}

export function buildSite(catalog: string, outDir: string): void {
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir, '--silent'], {
    encoding: 'utf8',
    env: { ...process.env, HELIOGRAPH_CONTENT: catalog },
  });
  if (result.status !== 0) throw new Error(`building ${catalog} failed:\n${result.stdout}\n${result.stderr}`);
}

export default function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'heliograph-site-'));
  const sites = Object.fromEntries(
    Object.entries(builtSites).map(([name, catalog]) => {
      const outDir = join(root, name);
      buildSite(resolve(catalog), outDir);
      return [name, { outDir, catalog: resolve(catalog) }];
    }),
  ) as Record<keyof typeof builtSites, { outDir: string; catalog: string }>;
  project.provide('sites', sites);
  return () => rmSync(root, { recursive: true, force: true });
}
