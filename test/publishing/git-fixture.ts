import { execFileSync } from 'node:child_process';

/** Git isolated from the user's and system's configuration, with a fixed committer. */
export const gitEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_COMMITTER_NAME: 'Heliograph CI',
  GIT_COMMITTER_EMAIL: 'ci@example.org',
  GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
};

export function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...gitEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function initRepository(cwd: string): void {
  git(cwd, ['init', '--quiet', '--initial-branch=main']);
}

/** Commits everything staged or not, as `author` at `date`. */
export function commitAll(cwd: string, message: string, author: { name: string; email: string }, date: string): string {
  git(cwd, ['add', '--all']);
  git(cwd, ['commit', '--quiet', '--message', message], {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  });
  return git(cwd, ['rev-parse', 'HEAD']).trim();
}
