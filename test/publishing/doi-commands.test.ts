import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDataciteClient, type RetryPolicy } from '../../src/publishing/datacite-api.ts';
import { formatResult, runDoiCommand, type DoiCommandName, type DoiResult } from '../../src/publishing/doi-commands.ts';
import { loadSite } from '../../src/site/site.ts';
import { minimalCatalog, scratchCatalog } from '../helpers/catalogs.ts';
import { startFakeDatacite, type FakeDatacite } from './fake-datacite.ts';

const freshData = `---
# A dataset added in a pull request; it has no DOI yet.
title: "Fresh data"   # quoted on purpose
description: >-
  A dataset added in a pull request, with a folded description whose line
  breaks must stay exactly where they are.
creators: [ada]
datePublished: 2024-02-01
license: MIT
# a comment after the last field
---
Body text with a [link](https://example.org).
`;

const withdrawal = 'status:\n  state: withdrawn\n  date: 2024-06-01\n  reason: The values were wrong.\n';

let server: FakeDatacite;
let catalog: { root: string; remove(): void };
let delays: number[];

beforeAll(async () => {
  server = await startFakeDatacite();
});
afterAll(() => server.close());
beforeEach(() => {
  catalog = scratchCatalog(minimalCatalog, { 'datasets/fresh-data.md': freshData });
  server.reset();
  delays = [];
});
afterEach(() => catalog.remove());

/** Every file of the scratch catalog with its content. */
function snapshot(root = catalog.root): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[path.slice(root.length + 1)] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}

function edit(path: string, change: (text: string) => string): void {
  const file = join(catalog.root, path);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

function run(
  command: DoiCommandName,
  ids: string[],
  options: { password?: string; baseUrl?: string; retry?: Partial<RetryPolicy>; hide?: boolean } = {},
): Promise<DoiResult[]> {
  const client = createDataciteClient({
    baseUrl: options.baseUrl ?? server.url,
    credentials: { repositoryId: server.repositoryId, password: options.password ?? server.password },
    retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 5000, ...options.retry },
    sleep: async (milliseconds) => void delays.push(milliseconds),
  });
  return runDoiCommand(command, { site: loadSite(catalog.root), ids, client, hide: options.hide });
}

const posts = () => server.requests.filter((request) => request.method === 'POST');
const puts = () => server.requests.filter((request) => request.method === 'PUT');

describe('plan', () => {
  it('lists which records would get which DOI with their payloads, and sends nothing', async () => {
    const before = snapshot();
    const results = await runDoiCommand('plan', { site: loadSite(catalog.root) });
    expect(server.requests).toEqual([]);
    expect(snapshot()).toEqual(before);
    const byId = Object.fromEntries(results.map((result) => [result.id, result]));
    expect(byId['fresh-data']).toMatchObject({ outcome: 'planned', doi: '10.5072/fresh-data', request: { method: 'POST', path: '/dois' } });
    expect(byId['fresh-data']!.request!.body).toMatchObject({
      data: { type: 'dois', attributes: { doi: '10.5072/fresh-data', url: 'https://catalog.example.org/lab/datasets/fresh-data/', titles: [{ title: 'Fresh data' }] } },
    });
    expect(byId['demo-run']).toMatchObject({ outcome: 'planned', doi: '10.5072/demo-run' });
    expect(byId['demo-data']).toMatchObject({ outcome: 'planned', request: { method: 'PUT', path: '/dois/10.5072/demo-data' } });
    expect(results.map((result) => result.id)).toEqual(['demo', 'demo-data', 'fresh-data', 'demo-model', 'demo-run']);
  });

  it('skips DOIs of other prefixes', async () => {
    edit('datasets/demo-data.md', (text) => text.replace('doi: 10.5072/demo-data', 'doi: 10.1234/elsewhere'));
    const [result] = await runDoiCommand('plan', { site: loadSite(catalog.root), ids: ['demo-data'] });
    expect(result).toMatchObject({ outcome: 'skipped', message: expect.stringContaining('not under the catalog') });
  });
});

describe('draft and publish', () => {
  it('creates a draft and writes the DOI into the front matter, comments and formatting intact', async () => {
    const [result] = await run('draft', ['fresh-data']);
    expect(result).toMatchObject({ outcome: 'drafted', doi: '10.5072/fresh-data' });
    expect(server.dois.get('10.5072/fresh-data')?.state).toBe('draft');
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.body?.data?.attributes).not.toHaveProperty('event');
    expect(readFileSync(join(catalog.root, 'datasets/fresh-data.md'), 'utf8')).toBe(
      freshData.replace('# a comment after the last field\n', '# a comment after the last field\ndoi: 10.5072/fresh-data\n'),
    );
    // The catalog is still valid, and the record now counts as having its DOI.
    expect(loadSite(catalog.root).catalog.records.get('fresh-data')?.data).toMatchObject({ doi: '10.5072/fresh-data' });
  });

  it('publishes a new record in one request, and a draft with a second one', async () => {
    expect(await run('publish', ['fresh-data'])).toMatchObject([{ outcome: 'published', message: expect.stringContaining('findable') }]);
    expect(posts()[0]!.body?.data?.attributes).toMatchObject({ event: 'publish' });
    expect(readFileSync(join(catalog.root, 'datasets/fresh-data.md'), 'utf8')).toContain('doi: 10.5072/fresh-data\n---');

    await run('draft', ['demo-run']);
    expect(server.dois.get('10.5072/demo-run')?.state).toBe('draft');
    const [published] = await run('publish', ['demo-run']);
    expect(published).toMatchObject({ outcome: 'published', message: '10.5072/demo-run is findable (was draft)' });
    expect(puts().at(-1)!.body?.data?.attributes).toMatchObject({ event: 'publish', url: 'https://catalog.example.org/lab/runs/demo-run/' });
    expect(await run('publish', ['demo-run'])).toMatchObject([{ outcome: 'unchanged' }]);
  });

  it('registers a DOI written in the file but unknown to DataCite, without touching the file', async () => {
    const before = snapshot();
    expect(await run('draft', ['demo-data'])).toMatchObject([{ outcome: 'drafted', doi: '10.5072/demo-data' }]);
    expect(snapshot()).toEqual(before);
  });

  it('adopts a proposed DOI DataCite already has for this landing page', async () => {
    await run('draft', ['fresh-data']);
    edit('datasets/fresh-data.md', (text) => text.replace('doi: 10.5072/fresh-data\n', ''));
    expect(await run('draft', ['fresh-data'])).toMatchObject([{ outcome: 'drafted', message: expect.stringContaining('already at DataCite (draft); wrote it') }]);
    expect(posts()).toHaveLength(1);
    expect(readFileSync(join(catalog.root, 'datasets/fresh-data.md'), 'utf8')).toContain('doi: 10.5072/fresh-data\n');
  });

  it('never registers a withdrawn record', async () => {
    edit('datasets/fresh-data.md', (text) => text.replace('license: MIT\n', `license: MIT\n${withdrawal}`));
    expect(await run('publish', ['fresh-data'])).toMatchObject([{ outcome: 'skipped', message: 'withdrawn: use the withdraw command' }]);
    expect(server.requests).toEqual([]);
  });
});

describe('failures leave files unchanged', () => {
  it('reports 422 with the record, the status and DataCite\'s error titles', async () => {
    server.script('POST /dois', {
      status: 422,
      body: { errors: [{ status: '422', source: 'creators', title: "Can't be blank" }, { status: '422', source: 'url', title: 'Is not a valid URL' }] },
    });
    const before = snapshot();
    const [result] = await run('publish', ['fresh-data']);
    expect(result).toMatchObject({ outcome: 'failed', doi: '10.5072/fresh-data' });
    expect(formatResult(result!)).toBe(
      "✗ failed dataset fresh-data (10.5072/fresh-data): DataCite answered 422 Unprocessable Entity to POST /dois: creators: Can't be blank; url: Is not a valid URL",
    );
    expect(snapshot()).toEqual(before);
  });

  it('stops after 401 and does not reveal the credentials', async () => {
    const before = snapshot();
    const results = await run('draft', ['fresh-data', 'demo-run'], { password: 'wrong-secret' });
    expect(results).toMatchObject([
      { id: 'fresh-data', outcome: 'failed', message: expect.stringContaining('401 Unauthorized to GET /dois/10.5072/fresh-data') },
      { id: 'demo-run', outcome: 'skipped', message: 'not attempted: DataCite refused the credentials' },
    ]);
    expect(JSON.stringify(results)).not.toContain('wrong-secret');
    expect(snapshot()).toEqual(before);
  });

  it('says when a DOI to update is unknown (404)', async () => {
    expect(await run('update', ['demo-data'])).toMatchObject([
      { outcome: 'failed', message: `10.5072/demo-data is not registered at ${server.url}: run draft or publish first` },
    ]);
  });

  it('waits out a 429 as Retry-After says, then succeeds and writes back', async () => {
    server.script('POST /dois', { status: 429, headers: { 'Retry-After': '2' }, body: { errors: [{ status: '429', title: 'Too Many Requests' }] } });
    expect(await run('draft', ['fresh-data'])).toMatchObject([{ outcome: 'drafted' }]);
    expect(delays).toEqual([2000]);
    expect(readFileSync(join(catalog.root, 'datasets/fresh-data.md'), 'utf8')).toContain('doi: 10.5072/fresh-data\n');
  });

  it('retries a 500 within the bound, then succeeds', async () => {
    server.script('POST /dois', { status: 500, body: { errors: [{ status: '500', title: 'Internal Server Error' }] } });
    expect(await run('draft', ['fresh-data'])).toMatchObject([{ outcome: 'drafted' }]);
    expect(posts()).toHaveLength(2);
  });

  it('gives up on a lasting 500 after the bounded attempts', async () => {
    server.script('POST /dois', ...Array.from({ length: 10 }, () => ({ status: 500 })));
    const before = snapshot();
    expect(await run('draft', ['fresh-data'])).toMatchObject([
      { outcome: 'failed', message: 'DataCite answered 500 Internal Server Error to POST /dois (gave up after 3 attempts)' },
    ]);
    expect(posts()).toHaveLength(3);
    expect(delays).toEqual([10, 20]);
    expect(snapshot()).toEqual(before);
  });

  it('gives up when DataCite cannot be reached', async () => {
    const before = snapshot();
    const [result] = await run('draft', ['fresh-data'], { baseUrl: 'http://127.0.0.1:1' });
    expect(result).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/could not reach DataCite .* gave up after 3 attempts/) });
    expect(snapshot()).toEqual(before);
  });

  it('survives a dropped connection', async () => {
    server.script('GET /dois/10.5072/fresh-data', 'drop');
    expect(await run('draft', ['fresh-data'])).toMatchObject([{ outcome: 'drafted' }]);
  });
});

describe('update', () => {
  it('sends only records whose URL or metadata changed since registration', async () => {
    await run('publish', ['demo-data', 'demo-model']);
    server.requests.length = 0;
    expect(await run('update', ['demo-data', 'demo-model'])).toMatchObject([{ outcome: 'unchanged' }, { outcome: 'unchanged' }]);
    expect(puts()).toEqual([]);

    edit('datasets/demo-data.md', (text) => text.replace('title: Demo data', 'title: Demo data, corrected'));
    const results = await run('update', ['demo-data', 'demo-model']);
    expect(results).toMatchObject([{ id: 'demo-data', outcome: 'updated', message: 'sent titles' }, { id: 'demo-model', outcome: 'unchanged' }]);
    expect(puts().map((request) => request.path)).toEqual(['/dois/10.5072/demo-data']);
    expect(puts()[0]!.body?.data?.attributes).not.toHaveProperty('event');
    expect(server.dois.get('10.5072/demo-data')?.attributes.titles).toEqual([{ title: 'Demo data, corrected', lang: 'en' }]);
  });

  it('sends a changed landing URL', async () => {
    await run('publish', ['demo-data']);
    edit('catalog.yaml', (text) => text.replace('https://catalog.example.org/lab/', 'https://data.example.org/'));
    expect(await run('update', ['demo-data'])).toMatchObject([{ outcome: 'updated', message: expect.stringMatching(/^sent url/) }]);
    expect(server.dois.get('10.5072/demo-data')?.attributes.url).toBe('https://data.example.org/datasets/demo-data/');
  });
});

describe('withdraw', () => {
  it('needs the record to be withdrawn in its file first', async () => {
    await run('publish', ['demo-data']);
    expect(await run('withdraw', ['demo-data'])).toMatchObject([{ outcome: 'failed', message: expect.stringContaining('set status: {state: withdrawn') }]);
  });

  it('sends the tombstone metadata; the DOI stays findable unless hidden', async () => {
    await run('publish', ['demo-data', 'demo-model']);
    edit('datasets/demo-data.md', (text) => text.replace('license: MIT\n', `license: MIT\n${withdrawal}`));
    edit('models/demo-model.md', (text) => text.replace('task: regression\n', `task: regression\n${withdrawal}`));
    const results = await run('withdraw', ['demo-data']);
    expect(results).toMatchObject([{ outcome: 'withdrawn', message: expect.stringContaining('stays findable and resolves to the tombstone page') }]);
    const stored = server.dois.get('10.5072/demo-data')!;
    expect(stored.state).toBe('findable');
    expect(JSON.stringify(stored.attributes.descriptions)).toContain('The values were wrong.');

    await run('withdraw', ['demo-model'], { hide: true });
    expect(server.dois.get('10.5072/demo-model')?.state).toBe('registered');
    expect(puts().at(-1)!.body?.data?.attributes).toMatchObject({ event: 'hide' });
  });

  it('keeps a draft a draft', async () => {
    await run('draft', ['fresh-data']);
    edit('datasets/fresh-data.md', (text) => text.replace('license: MIT\n', `license: MIT\n${withdrawal}`));
    expect(await run('withdraw', ['fresh-data'], { hide: true })).toMatchObject([{ outcome: 'withdrawn', message: expect.stringContaining('stays a draft') }]);
    expect(server.dois.get('10.5072/fresh-data')?.state).toBe('draft');
  });
});

describe('npm run doi', { timeout: 30_000 }, () => {
  const execute = promisify(execFile);
  async function cli(args: string[], env: Record<string, string>) {
    try {
      const { stdout, stderr } = await execute(process.execPath, ['scripts/doi.ts', ...args, '--catalog', catalog.root], {
        env: { ...process.env, DATACITE_REPOSITORY_ID: '', DATACITE_PASSWORD: '', DATACITE_API_URL: '', ...env },
      });
      return { status: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }
  const secrets = () => [server.password, Buffer.from(`${server.repositoryId}:${server.password}`).toString('base64')];

  it('drafts with credentials from the environment and never prints or writes them', async () => {
    const env = { DATACITE_API_URL: server.url, DATACITE_REPOSITORY_ID: server.repositoryId, DATACITE_PASSWORD: server.password };
    const { status, stdout, stderr } = await cli(['draft', 'fresh-data'], env);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain(`DataCite test endpoint: ${server.url}`);
    expect(stdout).toContain('✓ drafted dataset fresh-data (10.5072/fresh-data): 10.5072/fresh-data is draft; wrote it to');
    const files = JSON.stringify(snapshot());
    for (const secret of [...secrets(), server.repositoryId]) {
      expect(stdout + stderr).not.toContain(secret);
      expect(files).not.toContain(secret);
    }
  });

  it('exits 1 on a refused password, naming the status but not the password', async () => {
    const { status, stdout, stderr } = await cli(['publish', 'fresh-data'], {
      DATACITE_API_URL: server.url,
      DATACITE_REPOSITORY_ID: server.repositoryId,
      DATACITE_PASSWORD: 'wrong-secret',
    });
    expect(status).toBe(1);
    expect(stderr).toContain('✗ failed dataset fresh-data (10.5072/fresh-data): DataCite answered 401 Unauthorized');
    expect(stdout + stderr).not.toContain('wrong-secret');
  });

  it('plans without credentials; refuses other commands without them, and production without --production', async () => {
    const production = { DATACITE_API_URL: 'https://api.datacite.org', DATACITE_REPOSITORY_ID: 'A', DATACITE_PASSWORD: 'B' };
    const [plan, uncredited, unflagged, withdraw] = await Promise.all([
      cli(['plan', 'fresh-data'], {}),
      cli(['draft'], {}),
      cli(['draft'], production),
      cli(['withdraw'], {}),
    ]);
    expect(plan.status).toBe(0);
    expect(plan.stdout).toContain('"doi": "10.5072/fresh-data"');
    expect(uncredited).toMatchObject({ status: 2, stderr: expect.stringContaining('set DATACITE_REPOSITORY_ID and DATACITE_PASSWORD') });
    expect(unflagged).toMatchObject({ status: 2, stderr: expect.stringContaining('pass --production') });
    expect(withdraw).toMatchObject({ status: 2, stderr: expect.stringContaining('withdraw needs the ids') });
  });
});
