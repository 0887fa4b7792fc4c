/**
 * What a change touches, for a pull-request preview: the records whose files
 * changed since a git revision (a metric CSV counts for its run), and the
 * records whose pages show them, one relation away in either direction. A
 * change to catalog.yaml or references.bib can touch every page.
 */
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { metricHistoryPath } from '../catalog/metric-history.ts';
import { BIBLIOGRAPHY_FILE, SETTINGS_FILE } from '../catalog/load.ts';
import type { Site } from '../site/site.ts';

function git(cwd: string, args: string[]): string[] {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim() || result.error?.message}`);
  return result.stdout.split('\n').filter(Boolean);
}

/** Absolute paths of catalog files changed, added or untracked since `revision`. */
export function changedFiles(catalogRoot: string, revision: string): string[] {
  const top = git(catalogRoot, ['rev-parse', '--show-toplevel'])[0]!;
  const changed = git(top, ['diff', '--name-only', revision, '--', relative(top, catalogRoot) || '.']);
  const untracked = git(top, ['ls-files', '--others', '--exclude-standard', '--', relative(top, catalogRoot) || '.']);
  return [...new Set([...changed, ...untracked])].map((path) => resolve(top, path));
}

export interface Touched {
  /** Record ids to build, the changed ones and their neighbours. */
  ids: Set<string>;
  changed: string[];
  /** Set when a catalog-wide file changed: every page may differ. */
  everything: boolean;
}

export function touchedRecords(site: Site, files: string[]): Touched {
  const root = site.catalog.root;
  const everything = files.some((file) => file === resolve(root, SETTINGS_FILE) || file === resolve(root, BIBLIOGRAPHY_FILE));
  if (everything) return { ids: new Set(site.catalog.records.keys()), changed: [...site.catalog.records.keys()], everything };
  const byFile = new Map<string, string>();
  for (const record of site.catalog.records.values()) {
    byFile.set(record.path, record.id);
    if (record.type === 'run' && record.data.metricHistory) byFile.set(metricHistoryPath(record.path, record.data.metricHistory), record.id);
  }
  const changed = [...new Set(files.flatMap((file) => byFile.get(file) ?? []))];
  const ids = new Set(changed);
  for (const id of changed) {
    for (const relation of [...site.graph.outgoing(id), ...site.graph.incoming(id)]) {
      for (const end of [relation.from, relation.to]) if (site.catalog.records.has(end)) ids.add(end);
    }
  }
  return { ids, changed, everything };
}
