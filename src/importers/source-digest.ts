/**
 * A short hash of the files a record is read from: their paths, sizes and
 * modification times, with whatever else shapes the record (import options,
 * the reader's version). Re-reading a store of thousands of runs to find that
 * nothing changed costs what the first import did; comparing this hash with
 * importedFrom.source costs a stat per file.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Bumped when a reader maps the same files to other fields, so that every record is read again. */
export const READER_VERSION = '1';

export function sourceDigest(root: string, paths: readonly string[], extra: readonly unknown[]): string {
  const hash = createHash('sha256').update(JSON.stringify([READER_VERSION, ...extra]));
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stats = lstatSync(path);
    if (stats.isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
      return;
    }
    hash.update(`\n${relative(root, path)}\t${stats.size}\t${Math.round(stats.mtimeMs)}`);
  };
  for (const path of paths) visit(path);
  return hash.digest('hex').slice(0, 12);
}
