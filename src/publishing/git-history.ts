/**
 * A record's change history from git: who changed its file, when, and why.
 * `catalogHistory` reads the whole catalog folder in ONE `git log`, following
 * renames, and indexes the commits by file, so 10,000 records cost one process;
 * `fileHistory` asks about a single file with `git log --follow`.
 *
 * A folder outside git, a shallow clone (whose oldest commit would pose as the
 * record's creation) or a missing git binary give `available: false` with the
 * reason, so a build can say the history is unavailable instead of failing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface HistoryEntry {
  /** Full commit hash. */
  commit: string;
  /** Author date, ISO 8601 with offset, e.g. 2024-03-01T10:00:00+01:00. */
  date: string;
  /** Author name (after .mailmap). */
  author: string;
  /** Subject line of the commit message. */
  message: string;
}

export type Unavailable = { available: false; reason: string };
export type FileHistory = { available: true; entries: HistoryEntry[] } | Unavailable;

export interface CatalogHistoryIndex {
  available: true;
  /** Repository root, as git reports it. */
  root: string;
  /** Commits that touched a file (absolute or relative to the working directory), newest first; [] if none. */
  forFile(path: string): HistoryEntry[];
  /** Every file with history, by path relative to the repository root. */
  files: ReadonlyMap<string, HistoryEntry[]>;
}

export type CatalogHistory = CatalogHistoryIndex | Unavailable;

// Commits start with a record separator; fields are split by a unit separator.
const COMMIT = '\x1e';
const FIELD = '\x1f';
const FORMAT = `--format=${COMMIT}%H${FIELD}%aI${FIELD}%aN${FIELD}%s`;
const MAX_OUTPUT = 1024 ** 3;

type GitResult = { ok: true; stdout: string } | { ok: false; reason: string };

function git(cwd: string, args: string[]): GitResult {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', '-c', 'log.showSignature=false', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: MAX_OUTPUT,
    env: { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'git is not installed' : `git could not be run: ${result.error.message}` };
  }
  if (result.status !== 0) return { ok: false, reason: result.stderr.trim().split('\n')[0] || `git exited with ${result.status}` };
  return { ok: true, stdout: result.stdout };
}

/** The repository around a folder, if git has its full history there. */
function repositoryOf(folder: string): { root: string } | Unavailable {
  if (!existsSync(folder)) return { available: false, reason: `${folder} does not exist` };
  const result = git(folder, ['rev-parse', '--show-toplevel', '--is-shallow-repository']);
  if (!result.ok) {
    const reason = /not a git repository/i.test(result.reason) ? `${folder} is not in a git repository` : result.reason;
    return { available: false, reason };
  }
  const [root = '', shallow] = result.stdout.trim().split('\n');
  if (shallow === 'true') {
    return { available: false, reason: 'the repository is a shallow clone; fetch the full history (git fetch --unshallow, or fetch-depth: 0 in CI)' };
  }
  return { root };
}

function noCommitsYet(reason: string): boolean {
  return /does not have any commits yet|bad default revision 'HEAD'|unknown revision/i.test(reason);
}

function parseHeader(line: string): HistoryEntry {
  const [commit = '', date = '', author = '', message = ''] = line.split(FIELD);
  return { commit, date, author, message };
}

/**
 * Parses `git log --name-status -M` output, newest commit first. A rename
 * "R100 old new" means older commits of `old` belong to whatever `new` is
 * called today, which is how `--follow` would attribute them.
 */
export function parseNameStatusLog(output: string): Map<string, HistoryEntry[]> {
  const files = new Map<string, HistoryEntry[]>();
  const renamedTo = new Map<string, string>();
  const currentName = (path: string) => renamedTo.get(path) ?? path;
  for (const block of output.split(COMMIT)) {
    if (!block.trim()) continue;
    const [header = '', ...lines] = block.split('\n');
    const entry = parseHeader(header);
    for (const line of lines) {
      if (!line) continue;
      const [status = '', first = '', second] = line.split('\t');
      const path = currentName(second ?? first);
      if (status.startsWith('R') && second !== undefined) renamedTo.set(first, path);
      const list = files.get(path);
      if (list) {
        if (list[list.length - 1]?.commit !== entry.commit) list.push(entry);
      } else files.set(path, [entry]);
    }
  }
  return files;
}

function normalize(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  // A deleted file: resolve its folder instead, which may still exist.
  const folder = dirname(absolute);
  return existsSync(folder) ? join(realpathSync(folder), absolute.slice(folder.length + 1)) : absolute;
}

/** Every commit that touched the catalog folder, indexed by file, from one `git log`. */
export function catalogHistory(folder: string): CatalogHistory {
  const directory = normalize(folder);
  const repository = repositoryOf(directory);
  if ('available' in repository) return repository;
  const root = realpathSync(repository.root);
  const result = git(root, ['log', '--no-color', '--name-status', '-M', FORMAT, '--', relative(root, directory) || '.']);
  if (!result.ok) {
    if (noCommitsYet(result.reason)) return { available: false, reason: 'the repository has no commits yet' };
    return { available: false, reason: result.reason };
  }
  const files = parseNameStatusLog(result.stdout);
  return {
    available: true,
    root,
    files,
    forFile: (path) => files.get(relative(root, normalize(path)).split(sep).join('/')) ?? [],
  };
}

/** One file's commits, newest first, following renames. */
export function fileHistory(path: string): FileHistory {
  const file = normalize(path);
  const folder = existsSync(file) && statSync(file).isDirectory() ? file : dirname(file);
  const repository = repositoryOf(folder);
  if ('available' in repository) return repository;
  const result = git(folder, ['log', '--no-color', '--follow', FORMAT, '--', file]);
  if (!result.ok) {
    if (noCommitsYet(result.reason)) return { available: false, reason: 'the repository has no commits yet' };
    return { available: false, reason: result.reason };
  }
  const entries = result.stdout
    .split(COMMIT)
    .map((block) => block.trim())
    .filter(Boolean)
    .map(parseHeader);
  return { available: true, entries };
}

/** The newest change, e.g. for a sitemap's lastmod. */
export function lastModified(entries: readonly HistoryEntry[]): string | undefined {
  return entries[0]?.date;
}

/**
 * Web page of a commit in the catalog's repository (catalog.yaml `repository`):
 * GitLab's layout for GitLab hosts, GitHub's (also Gitea, Forgejo, Bitbucket
 * Server style) otherwise.
 */
export function commitUrl(repository: string, commit: string): string {
  const base = repository.replace(/\/+$/, '').replace(/\.git$/, '');
  const host = new URL(base).hostname;
  return host.includes('gitlab') ? `${base}/-/commit/${commit}` : `${base}/commit/${commit}`;
}
