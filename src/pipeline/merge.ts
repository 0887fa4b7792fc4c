/**
 * Merges the output folders of shards into one site, then finishes it. A
 * record's folder moves whole (one rename); what several shards wrote alike
 * (assets, public files, the home and listing pages) is kept once.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

function moveInto(from: string, to: string): void {
  if (!existsSync(to)) {
    try {
      renameSync(from, to);
    } catch (error) {
      // Another file system (a downloaded artifact on another mount): copy instead.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      cpSync(from, to, { recursive: true });
    }
    return;
  }
  // A file two shards both wrote is one that every shard renders alike: the first is kept.
  if (!statSync(from).isDirectory()) return;
  for (const name of readdirSync(from)) moveInto(join(from, name), join(to, name));
}

/** Moves every shard's files into `outDir` (emptied first); the shard folders are consumed. */
export function mergeShardFolders(shardDirs: string[], outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const shard of shardDirs) {
    if (!existsSync(shard)) throw new Error(`shard folder ${shard} does not exist`);
    moveInto(shard, outDir);
  }
}
