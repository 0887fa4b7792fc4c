import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataciteClient, DataciteApiError, parseRetryAfter } from '../../src/publishing/datacite-api.ts';
import { changedAttributes } from '../../src/publishing/datacite-compare.ts';
import {
  credentialsFromEnv,
  DATACITE_PRODUCTION_API,
  DATACITE_TEST_API,
  DataciteConfigError,
  resolveEndpoint,
} from '../../src/publishing/datacite-endpoint.ts';
import { startFakeDatacite, type FakeDatacite } from './fake-datacite.ts';

describe('resolveEndpoint', () => {
  it('uses the test endpoint by default and production only with the flag', () => {
    expect(resolveEndpoint({ env: {} })).toBe(DATACITE_TEST_API);
    expect(resolveEndpoint({ production: true, env: {} })).toBe(DATACITE_PRODUCTION_API);
    expect(resolveEndpoint({ env: { DATACITE_API_URL: 'http://127.0.0.1:9999/' } })).toBe('http://127.0.0.1:9999');
  });

  it('refuses the production endpoint without the flag, and credentials in the URL', () => {
    expect(() => resolveEndpoint({ env: { DATACITE_API_URL: 'https://api.datacite.org' } })).toThrow(/pass --production/);
    expect(() => resolveEndpoint({ production: true, env: { DATACITE_API_URL: 'http://127.0.0.1:1' } })).toThrow(DataciteConfigError);
    expect(() => resolveEndpoint({ env: { DATACITE_API_URL: 'https://user:secret@api.test.datacite.org' } })).toThrow(/must not contain credentials/);
  });
});

describe('credentialsFromEnv', () => {
  it('reads the repository account from the environment and names what is missing', () => {
    expect(credentialsFromEnv({ DATACITE_REPOSITORY_ID: 'X.Y', DATACITE_PASSWORD: 'p' })).toEqual({ repositoryId: 'X.Y', password: 'p' });
    expect(() => credentialsFromEnv({ DATACITE_REPOSITORY_ID: 'X.Y' })).toThrow(/set DATACITE_PASSWORD/);
    expect(() => credentialsFromEnv({})).toThrow(/DATACITE_REPOSITORY_ID and DATACITE_PASSWORD/);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('the client against a DataCite stand-in', () => {
  let server: FakeDatacite;
  const delays: number[] = [];
  const client = () =>
    createDataciteClient({
      baseUrl: server.url,
      credentials: { repositoryId: server.repositoryId, password: server.password },
      retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 5000 },
      sleep: async (milliseconds) => void delays.push(milliseconds),
    });
  const attributes = {
    doi: '10.5072/Client-Test',
    url: 'https://catalog.example.org/lab/datasets/client-test/',
    creators: [{ name: 'Example, Ada', nameType: 'Personal', affiliation: [{ name: 'Example Organization' }] }],
    titles: [{ title: 'Client test' }],
    publisher: { name: 'Example Organization' },
    publicationYear: 2024,
    types: { resourceTypeGeneral: 'Dataset', resourceType: 'Dataset' },
  };

  beforeAll(async () => {
    server = await startFakeDatacite();
  });
  afterAll(() => server.close());

  it('creates a draft with Basic auth and the JSON:API media type, and reads it back', async () => {
    const created = await client().createDoi(attributes);
    expect(created).toMatchObject({ doi: '10.5072/client-test', state: 'draft' });
    const post = server.requests.at(-1)!;
    expect(post).toMatchObject({ method: 'POST', path: '/dois', authorized: true, contentType: 'application/vnd.api+json' });
    expect(post.body?.data?.attributes).not.toHaveProperty('event');
    const read = await client().getDoi('10.5072/client-test');
    expect(read?.attributes.publisher).toEqual({ name: 'Example Organization' });
    expect(changedAttributes(attributes, read!.attributes)).toEqual([]);
  });

  it('returns undefined for an unknown DOI', async () => {
    expect(await client().getDoi('10.5072/unknown')).toBeUndefined();
  });

  it('reports 422 with the status and DataCite\'s error titles', async () => {
    const error = await client().createDoi(attributes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataciteApiError);
    expect((error as DataciteApiError).status).toBe(422);
    expect((error as Error).message).toBe('DataCite answered 422 Unprocessable Entity to POST /dois: doi: This DOI has already been taken');
  });

  it('waits as long as Retry-After says after a 429, then succeeds', async () => {
    delays.length = 0;
    server.script('GET /dois/10.5072/client-test', { status: 429, headers: { 'Retry-After': '2' }, body: { errors: [{ status: '429', title: 'Too many requests' }] } });
    expect(await client().getDoi('10.5072/client-test')).toMatchObject({ state: 'draft' });
    expect(delays).toEqual([2000]);
  });

  it('gives up at once when Retry-After is beyond the longest wait', async () => {
    server.script('GET /dois/10.5072/client-test', { status: 429, headers: { 'Retry-After': '3600' } });
    await expect(client().getDoi('10.5072/client-test')).rejects.toThrow(/429 Too Many Requests .* asks to wait 3600 s/);
  });

  it('backs off exponentially on 5xx and stops after the bounded number of attempts', async () => {
    delays.length = 0;
    const before = server.requests.length;
    server.script('PUT /dois/10.5072/client-test', { status: 503 }, { status: 500 }, { status: 500 }, { status: 500 });
    await expect(client().updateDoi('10.5072/client-test', { titles: [{ title: 'x' }] })).rejects.toThrow(
      'DataCite answered 500 Internal Server Error to PUT /dois/10.5072/client-test (gave up after 3 attempts)',
    );
    expect(server.requests.length - before).toBe(3);
    expect(delays).toEqual([10, 20]);
  });

  it('treats its own DOI as created when an answer was lost and the retry finds it taken', async () => {
    server.script('POST /dois', { status: 502, afterHandling: true });
    const created = await client().createDoi({ ...attributes, doi: '10.5072/lost-answer' }, 'publish');
    expect(created).toMatchObject({ doi: '10.5072/lost-answer', state: 'findable' });
    expect(server.dois.get('10.5072/lost-answer')?.state).toBe('findable');
  });

  it('names the credentials on 401 without revealing them', async () => {
    const wrong = createDataciteClient({ baseUrl: server.url, credentials: { repositoryId: 'TEST.HELIOGRAPH', password: 'wrong-secret' }, sleep: async () => {} });
    const error = (await wrong.createDoi(attributes).catch((caught: unknown) => caught)) as DataciteApiError;
    expect(error.status).toBe(401);
    expect(error.message).toContain('Bad credentials.');
    expect(error.message).toContain('DATACITE_PASSWORD');
    expect(error.message).not.toContain('wrong-secret');
  });

  it('retries a refused connection a bounded number of times', async () => {
    delays.length = 0;
    const nowhere = createDataciteClient({
      baseUrl: 'http://127.0.0.1:1',
      credentials: { repositoryId: 'A', password: 'B' },
      retry: { attempts: 2, baseDelayMs: 5 },
      sleep: async (milliseconds) => void delays.push(milliseconds),
    });
    await expect(nowhere.getDoi('10.5072/x')).rejects.toThrow(/could not reach DataCite at http:\/\/127\.0\.0\.1:1 \(GET \/dois\/10\.5072\/x\).*gave up after 2 attempts/);
    expect(delays).toEqual([5]);
  });
});

describe('changedAttributes', () => {
  it('ignores what DataCite adds and identifier case, and finds real changes', () => {
    const ours = {
      doi: '10.5072/ABC',
      url: 'https://x.org/a/',
      titles: [{ title: 'A', lang: 'en' }],
      rightsList: [{ rights: 'MIT', rightsIdentifier: 'MIT' }],
      subjects: [],
      publicationYear: 2024,
    };
    const theirs = {
      doi: '10.5072/abc',
      url: 'https://x.org/a/',
      titles: [{ title: 'A', lang: 'en' }],
      rightsList: [{ rights: 'MIT', rightsIdentifier: 'mit', rightsUri: 'https://spdx.org/licenses/MIT' }],
      subjects: null,
      publicationYear: '2024',
      state: 'findable',
      version: null,
    };
    expect(changedAttributes(ours, theirs)).toEqual([]);
    expect(changedAttributes({ ...ours, url: 'https://x.org/b/', titles: [{ title: 'B', lang: 'en' }] }, theirs)).toEqual(['url', 'titles']);
    expect(changedAttributes(ours, { ...theirs, version: '2' })).toEqual(['version']);
    expect(changedAttributes(ours, { ...theirs, titles: [{ title: 'A', lang: 'en' }, { title: 'Other' }] })).toEqual(['titles']);
  });
});
