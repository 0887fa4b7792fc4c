/**
 * Sizes DVC 1.x did not record. Its dvc.lock gives each file's md5 only, and
 * a file entry needs a size; where the workspace holds the file with that
 * very md5 (what `dvc checkout` puts there), its size is the one DVC hashed.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { staysInside } from '../source-files.ts';
import type { Lock, LockedFile } from './pipeline.ts';

async function md5OfFile(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function sizeInWorkspace(repository: string, file: LockedFile): Promise<number | undefined> {
  if (!file.md5 || file.md5.endsWith('.dir')) return undefined;
  const path = join(repository, file.path);
  if (!staysInside(repository, path) || !existsSync(path) || !statSync(path).isFile()) return undefined;
  return (await md5OfFile(path)) === file.md5 ? statSync(path).size : undefined;
}

/** Fills in the size of every locked file that lacks one and whose workspace copy still has its md5. */
export async function addWorkspaceSizes(repository: string, lock: Lock): Promise<void> {
  for (const stage of Object.values(lock.stages)) {
    for (const file of [...(stage.deps ?? []), ...(stage.outs ?? [])]) {
      if (file.size === undefined) file.size = await sizeInWorkspace(repository, file);
    }
  }
}
