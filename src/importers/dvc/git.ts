/**
 * What git knows about a DVC repository: the commit checked out, the remote
 * it came from, and when dvc.lock was last committed (DVC itself records no
 * times). Each is optional: the folder may not be a git repository at all.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { repositoryUrl } from '../repositories.ts';

function git(repository: string, ...args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', repository, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export interface GitFacts {
  commit?: string;
  repository?: string;
  /** Commit time of the last change to dvc.lock, ISO 8601. */
  lockCommitted?: string;
  /** The commit of that change: the execution dvc.lock records, told apart from earlier ones. */
  lockCommit?: string;
}

/** Facts from the git repository whose top folder is `repository`; none for a folder nested in another repository. */
export function gitFacts(repository: string): GitFacts {
  const top = git(repository, 'rev-parse', '--show-toplevel');
  if (top === undefined || realpathSync(top) !== realpathSync(repository)) return {};
  return {
    commit: git(repository, 'rev-parse', 'HEAD'),
    repository: repositoryUrl(git(repository, 'config', '--get', 'remote.origin.url')),
    lockCommitted: git(repository, 'log', '-1', '--format=%cI', '--', 'dvc.lock'),
    lockCommit: git(repository, 'log', '-1', '--format=%H', '--', 'dvc.lock'),
  };
}
