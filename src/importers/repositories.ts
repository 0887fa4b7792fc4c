/** Code provenance as tools record it: git remotes in any syntax, full commit hashes. */
import { isAbsoluteUrl } from '../schema/common/identifiers.ts';

/**
 * A git remote as a browsable https URL: git@host:org/repo.git and
 * ssh://git@host/org/repo become https://host/org/repo. Undefined for local paths.
 */
export function repositoryUrl(remote: string | undefined): string | undefined {
  if (!remote) return undefined;
  const trimmed = remote.trim().replace(/\.git$/, '');
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+)$/.exec(trimmed);
  const candidate = scp ? `https://${scp[1]}/${scp[2]}` : trimmed.replace(/^(?:ssh|git\+ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\//, 'https://$1/');
  if (!isAbsoluteUrl(candidate)) return undefined;
  const url = new URL(candidate);
  url.username = '';
  url.password = '';
  return url.toString().replace(/\/$/, '');
}

export function isFullCommit(value: unknown): value is string {
  return typeof value === 'string' && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value);
}
