import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repository = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
const nodeMajor = read('.nvmrc').trim().replace(/^v/, '').split('.')[0];

interface GithubStep {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface GithubJob {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  steps: GithubStep[];
}
const github = parse(read('.github/workflows/heliograph.yml')) as { on: Record<string, unknown>; jobs: Record<string, GithubJob> };

interface GitlabJob {
  script?: string[];
  before_script?: string[];
  rules?: { if: string }[];
  artifacts?: { paths?: string[]; reports?: Record<string, string> };
  image?: string;
}
const gitlab = parse(read('.gitlab-ci.yml')) as Record<string, unknown> & { image: string; default: GitlabJob };
const GITLAB_KEYWORDS = new Set(['image', 'workflow', 'stages', 'variables', 'default', 'include', 'cache', 'services']);
const gitlabJobs = Object.entries(gitlab).filter(([name]) => !GITLAB_KEYWORDS.has(name) && !name.startsWith('.')) as [string, GitlabJob][];

/** The npm scripts a command line runs: `npm run <name>`, with or without --silent. */
function npmScripts(command: string): string[] {
  return [...command.matchAll(/\bnpm run(?:\s+(?:--silent|-s))?\s+([\w:.-]+)/g)].map((match) => match[1]!);
}

const githubCommands = (job: GithubJob) => job.steps.flatMap((step) => (step.run ? [step.run] : []));
const gitlabCommands = (job: GitlabJob) => [...(job.before_script ?? gitlab.default.before_script ?? []), ...(job.script ?? [])];
const isMergeRequestJob = (job: GitlabJob) => job.rules?.some((rule) => rule.if.includes('merge_request_event')) ?? false;

describe('the GitHub Actions workflow', () => {
  it('names only npm scripts that exist', () => {
    const named = Object.values(github.jobs).flatMap(githubCommands).flatMap(npmScripts);
    expect(named).toEqual(expect.arrayContaining(['check', 'build', 'diff']));
    for (const script of named) expect(scripts, `npm run ${script}`).toContain(script);
  });

  it('checks, builds and diffs every pull request with the full history and the pinned Node', () => {
    const job = github.jobs['pull-request']!;
    expect(job.if).toContain('pull_request');
    expect(github.on).toHaveProperty('pull_request');
    const named = githubCommands(job).flatMap(npmScripts);
    expect(named.indexOf('check')).toBeLessThan(named.indexOf('build'));
    expect(named).toContain('diff');
    expect(githubCommands(job).join('\n')).toContain('--format markdown');
    expect(githubCommands(job).join('\n')).toContain('$GITHUB_STEP_SUMMARY');
    const checkout = job.steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with).toMatchObject({ 'fetch-depth': 0 });
    expect(job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({ 'node-version-file': '.nvmrc' });
    expect(job.permissions).toMatchObject({ 'pull-requests': 'write' });
    expect(job.steps.some((step) => step.uses?.startsWith('actions/github-script@'))).toBe(true);
  });

  it('deploys main to GitHub Pages with the official actions, permissions and one deployment at a time', () => {
    expect(github.on).toMatchObject({ push: { branches: ['main'] } });
    const build = github.jobs.build!;
    expect(build.if).toContain("refs/heads/main");
    expect(githubCommands(build).flatMap(npmScripts)).toEqual(['check', 'build']);
    expect(build.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({ path: 'dist' });
    const deploy = github.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    expect(deploy.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });

  it('uses official actions only', () => {
    const actions = Object.values(github.jobs).flatMap((job) => job.steps.flatMap((step) => (step.uses ? [step.uses] : [])));
    for (const action of actions) expect(action).toMatch(/^actions\/[\w-]+@v\d+$/);
  });
});

describe('the GitLab CI file', () => {
  it('names only npm scripts that exist, on the Node image of .nvmrc', () => {
    expect(gitlab.image).toBe(`node:${nodeMajor}`);
    const named = gitlabJobs.flatMap(([, job]) => gitlabCommands(job)).flatMap(npmScripts);
    expect(named).toEqual(expect.arrayContaining(['check', 'build', 'diff']));
    for (const script of named) expect(scripts, `npm run ${script}`).toContain(script);
  });

  it('checks, builds and diffs every merge request, with a Code Quality report', () => {
    const jobs = gitlabJobs.filter(([, job]) => isMergeRequestJob(job));
    const named = jobs.flatMap(([, job]) => gitlabCommands(job)).flatMap(npmScripts);
    expect(named).toEqual(expect.arrayContaining(['check', 'build', 'diff']));
    expect(Object.fromEntries(jobs).check?.artifacts?.reports).toEqual({ codequality: 'gl-code-quality-report.json' });
    expect((gitlab.variables as Record<string, string>).GIT_DEPTH).toBe('0');
    const note = Object.fromEntries(gitlabJobs)['catalog-diff-note']!;
    expect(note.rules?.[0]?.if).toContain('$HELIOGRAPH_NOTE_TOKEN');
  });

  it('publishes the built site from public/ on the default branch', () => {
    const pages = Object.fromEntries(gitlabJobs).pages!;
    expect(pages.rules?.[0]?.if).toBe('$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH');
    expect(pages.script).toEqual(expect.arrayContaining(['npm run build', 'rm -rf public && mv dist public']));
    expect(pages.artifacts?.paths).toEqual(['public']);
  });
});

describe('the commands the templates run', () => {
  // As in CI: the default catalog folder, content/.
  const { HELIOGRAPH_CONTENT: _catalog, ...env } = process.env;
  const npm = (args: string[]) => spawnSync('npm', args, { cwd: repository, encoding: 'utf8', env: { ...env, GITHUB_ACTIONS: '' } });

  it('npm run check passes on the repository\'s catalog', () => {
    const result = npm(['run', '--silent', 'check']);
    expect(result.stdout).toMatch(/records checked: 0 errors/);
    expect(result.status).toBe(0);
  }, 60_000);

  it('npm run diff -- --base HEAD compares the working tree with HEAD', () => {
    const result = npm(['run', '--silent', 'diff', '--', '--base', 'HEAD', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // content/ was found and read: no errors, as the check above says.
    expect(JSON.parse(result.stdout)).toMatchObject({ base: { ref: 'HEAD', commit: expect.stringMatching(/^[0-9a-f]{40}$/) }, errors: 0 });
  }, 60_000);
});

describe('the sharded templates', () => {
  const sharded = parse(read('.github/workflows/heliograph-sharded.yml')) as { env: { SHARDS: number }; jobs: Record<string, GithubJob & { strategy?: { matrix: { shard: number[] } } }> };
  const gitlabSharded = parse(read('ci/gitlab-sharded.yml')) as Record<string, GitlabJob & { parallel?: number; needs?: string[] }>;

  it('build one shard per matrix entry, every one of the SHARDS, and merge them all before deploying', () => {
    const { shard, merge, deploy } = sharded.jobs;
    expect(shard!.strategy!.matrix.shard).toEqual(Array.from({ length: sharded.env.SHARDS }, (_, index) => index + 1));
    expect(githubCommands(shard!)).toContain('npm run build -- --shard ${{ matrix.shard }}/$SHARDS --out shard');
    expect(merge!.needs).toBe('shard');
    expect(githubCommands(merge!)).toContain('npm run merge -- shards/shard-* --out dist');
    expect(deploy!.needs).toBe('merge');
  });

  it('on GitLab, parallel jobs named by CI_NODE_INDEX and a pages job that merges them', () => {
    expect(gitlabSharded['build-shard']!.parallel).toBeGreaterThan(1);
    expect(gitlabSharded['build-shard']!.script).toContain('npm run build -- --shard "$CI_NODE_INDEX/$CI_NODE_TOTAL" --out "shards/shard-$CI_NODE_INDEX"');
    expect(gitlabSharded.pages!.needs).toEqual(['build-shard']);
    expect(gitlabSharded.pages!.script![0]).toBe('npm run merge -- shards/shard-* --out dist');
  });

  it('preview every pull request with the touched records, uploaded as an artifact', () => {
    const commands = githubCommands(github.jobs['pull-request']!);
    expect(commands).toContain('npm run build -- --since "origin/$BASE_REF" --out preview');
    expect(github.jobs['pull-request']!.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))?.with).toMatchObject({ name: 'preview', path: 'preview' });
  });
});
