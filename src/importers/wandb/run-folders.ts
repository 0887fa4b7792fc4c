/**
 * The run folders below a path: the path itself when it is a run folder, else
 * every run folder found walking down (a wandb/ folder, or a project holding
 * one). wandb/latest-run is a symbolic link to the newest run, or a copy of
 * it where links were not kept (zip files, some file systems): a folder that
 * is the same run as another found one is a duplicate and left out.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeRunFolder, runIdOf } from './files.ts';

const LATEST = 'latest-run';
const NOT_WALKED = new Set(['node_modules', '.git', 'files', 'media', 'artifacts', 'tmp', 'logs']);
const MAX_DEPTH = 6;

function isRunFolder(folder: string): boolean {
  return runIdOf(folder) !== undefined && looksLikeRunFolder(folder);
}

function walk(folder: string, depth: number, found: string[], latest: string[], seen: Set<string>): void {
  const real = realpathSync(folder);
  if (seen.has(real)) return;
  seen.add(real);
  if (isRunFolder(folder)) {
    found.push(folder);
    return;
  }
  if (depth >= MAX_DEPTH) return;
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (NOT_WALKED.has(entry.name)) continue;
    const path = join(folder, entry.name);
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory());
    if (!isFolder) continue;
    if (entry.name === LATEST) latest.push(path);
    else walk(path, depth + 1, found, latest, seen);
  }
}

export interface RunFolders {
  folders: string[];
  /** latest-run links or copies left out as the run found under its own name. */
  duplicates: string[];
}

export function findRunFolders(path: string): RunFolders {
  if (isRunFolder(path)) return { folders: [path], duplicates: [] };
  const found: string[] = [];
  const latest: string[] = [];
  walk(path, 0, found, latest, new Set());
  const ids = new Set(found.map((folder) => runIdOf(folder)));
  const duplicates: string[] = [];
  // latest-run counts only where the run it stands for is not there under its own name.
  for (const folder of latest) {
    const id = isRunFolder(folder) ? runIdOf(folder) : undefined;
    if (id && !ids.has(id)) {
      found.push(folder);
      ids.add(id);
    } else duplicates.push(folder);
  }
  return { folders: found.sort(), duplicates };
}
