/**
 * The last step of an import: moving finished files into the catalog. Each
 * file is first copied to a temporary name beside its target, then all are
 * renamed into place; a failure before the renames leaves the catalog as it
 * was, and a failure during them puts back what was already replaced.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

export interface FileWrite {
  /** Where the file goes in the catalog. */
  target: string;
  /** The finished file, outside the catalog; it may be moved. */
  source: string;
}

/**
 * Puts a finished file at `target` without copying its bytes where the file
 * system allows: a metric history can be hundreds of megabytes. Across file
 * systems (a scratch folder on tmpfs) the bytes are copied.
 */
export function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

function moveOrCopy(source: string, target: string): void {
  try {
    renameSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

function temporaryName(target: string, purpose: string): string {
  return `${target}.${purpose}-${randomBytes(4).toString('hex')}`;
}

export function commitFiles(writes: readonly FileWrite[]): void {
  const staged: { target: string; temporary: string }[] = [];
  const createdFolders: string[] = [];
  try {
    for (const { target, source } of writes) {
      const folder = dirname(target);
      const created = mkdirSync(folder, { recursive: true });
      if (created) createdFolders.push(created);
      const temporary = temporaryName(target, 'import');
      staged.push({ target, temporary });
      moveOrCopy(source, temporary);
    }
  } catch (error) {
    for (const { temporary } of staged) rmSync(temporary, { force: true });
    for (const folder of createdFolders.reverse()) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const done: { target: string; backup?: string }[] = [];
  try {
    for (const { target, temporary } of staged) {
      const backup = existsSync(target) ? temporaryName(target, 'backup') : undefined;
      if (backup) renameSync(target, backup);
      done.push({ target, backup });
      renameSync(temporary, target);
    }
  } catch (error) {
    for (const { target, backup } of done.reverse()) {
      rmSync(target, { force: true });
      if (backup) renameSync(backup, target);
    }
    for (const { temporary } of staged) rmSync(temporary, { force: true });
    for (const folder of createdFolders.reverse()) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  for (const { backup } of done) if (backup) rmSync(backup, { force: true });
}
