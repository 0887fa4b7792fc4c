/**
 * The pull-request workload: the catalog committed to a fresh git repository,
 * then one run's title edited, so that `build --since HEAD` previews what a
 * one-record pull request touches.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function git(cwd: string, args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
}

/** Commits the catalog and edits one run; returns the edited file. */
export function commitAndEditOneRecord(catalog: string): string {
  git(catalog, ['init', '-q']);
  git(catalog, ['add', '-A']);
  git(catalog, ['commit', '-q', '-m', 'catalog']);
  const run = readdirSync(join(catalog, 'runs')).filter((file) => file.endsWith('.md')).sort()[0]!;
  const path = join(catalog, 'runs', run);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (edited)'));
  return path;
}
