/**
 * The catalog folder as it was at a git revision, written to a temporary
 * folder so the ordinary loader can read it. Two git processes whatever the
 * catalog's size: `git ls-tree` lists the files, one `git cat-file --batch`
 * streams every blob. The working tree, the index and HEAD are not touched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';

export class GitSnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitSnapshotError';
  }
}

export interface CatalogSnapshot {
  /** Temporary folder holding the catalog as it was at the revision. */
  root: string;
  /** The revision as given, e.g. origin/main. */
  ref: string;
  /** Full hash of the commit it resolved to. */
  commit: string;
  remove(): void;
}

const MAX_OUTPUT = 2 * 1024 ** 3;

function run(cwd: string, args: string[], input?: Buffer): Buffer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: MAX_OUTPUT, env: { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' } });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new GitSnapshotError(code === 'ENOENT' ? 'git is not installed' : `git could not be run: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new GitSnapshotError(`git ${args[0]} failed: ${result.stderr.toString('utf8').trim().split('\n')[0] ?? ''}`);
  }
  return result.stdout;
}

/** The nearest existing folder, so a catalog deleted in the working tree can still be compared. */
function existingAncestor(path: string): string {
  let folder = path;
  while (!existsSync(folder)) folder = dirname(folder);
  return folder;
}

interface TreeEntry {
  object: string;
  path: string;
}

/** Regular files under the path at the commit; symbolic links and submodules are skipped. */
function listFiles(root: string, commit: string, path: string): TreeEntry[] {
  const output = run(root, ['ls-tree', '-r', '-z', commit, '--', path || '.']).toString('utf8');
  return output
    .split('\0')
    .filter(Boolean)
    .flatMap((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, object] = line.slice(0, tab).split(' ');
      return type === 'blob' && mode !== '120000' && object ? [{ object, path: line.slice(tab + 1) }] : [];
    });
}

/** Reads every blob in one `git cat-file --batch`: "<oid> blob <size>\n<bytes>\n" per object. */
function readBlobs(root: string, objects: string[]): Buffer[] {
  if (objects.length === 0) return [];
  const output = run(root, ['cat-file', '--batch'], Buffer.from(`${objects.join('\n')}\n`));
  const blobs: Buffer[] = [];
  let offset = 0;
  for (const object of objects) {
    const newline = output.indexOf(10, offset);
    const header = output.subarray(offset, newline).toString('utf8');
    const [oid, type, size] = header.split(' ');
    if (oid !== object || type !== 'blob' || size === undefined) throw new GitSnapshotError(`git cat-file returned "${header}" for ${object}`);
    const start = newline + 1;
    blobs.push(output.subarray(start, start + Number(size)));
    offset = start + Number(size) + 1;
  }
  return blobs;
}

/** Writes the catalog folder as it was at `ref` into a temporary folder. */
export function snapshotCatalog(folder: string, ref: string): CatalogSnapshot {
  const absolute = resolve(folder);
  const start = existingAncestor(absolute);
  const root = realpathSync(run(start, ['rev-parse', '--show-toplevel']).toString('utf8').trim());
  const located = join(realpathSync(start), absolute.slice(start.length));
  const path = relative(root, located).split(sep).join('/');
  if (path.startsWith('..')) throw new GitSnapshotError(`${folder} is outside the git repository at ${root}`);

  const verified = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' });
  if (verified.status !== 0) {
    throw new GitSnapshotError(
      `"${ref}" is not a commit in this repository; fetch it first (git fetch origin <branch>, or fetch-depth: 0 in GitHub Actions)`,
    );
  }
  const commit = verified.stdout.trim();

  const entries = listFiles(root, commit, path);
  const blobs = readBlobs(root, entries.map((entry) => entry.object));
  const target = mkdtempSync(join(tmpdir(), 'heliograph-base-'));
  try {
    entries.forEach((entry, index) => {
      const inside = path ? entry.path.slice(path.length + 1) : entry.path;
      const file = join(target, ...inside.split('/'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, blobs[index]!);
    });
  } catch (error) {
    rmSync(target, { recursive: true, force: true });
    throw error;
  }
  return { root: target, ref, commit, remove: () => rmSync(target, { recursive: true, force: true }) };
}
