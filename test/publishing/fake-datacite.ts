/**
 * A local stand-in for DataCite's REST API, following its documented
 * behaviour: Basic auth (401 "Bad credentials."), POST /dois (201; 422 with
 * JSON:API errors for a taken DOI or, on publish, missing mandatory
 * metadata; 403 for a foreign prefix), PUT /dois/{doi} (update, or create if
 * unknown; events publish, register, hide), GET /dois/{doi} (404 for unknown),
 * DOIs lowercased, and answers richer than the request (state, timestamps,
 * citation types, affiliation and publisher as strings unless asked for
 * objects with affiliation=true and publisher=true). Faults (429 with
 * Retry-After, 5xx, dropped connections) are scripted per request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Handle the request normally first, then answer with this (a lost answer). */
  afterHandling?: boolean;
}

export type Scripted = ScriptedAnswer | 'drop';

export interface RecordedRequest {
  method: string;
  path: string;
  authorized: boolean;
  contentType?: string;
  body?: { data?: { type?: string; attributes?: Record<string, unknown> } };
}

export interface StoredDoi {
  state: 'draft' | 'registered' | 'findable';
  attributes: Record<string, unknown>;
}

export interface FakeDatacite {
  url: string;
  repositoryId: string;
  password: string;
  dois: Map<string, StoredDoi>;
  requests: RecordedRequest[];
  /** Answers for the next requests whose "METHOD /path" starts with `match`, in order. */
  script(match: string, ...answers: Scripted[]): void;
  /** Forgets every DOI, request and unused scripted answer. */
  reset(): void;
  close(): Promise<void>;
}

const MANDATORY = ['url', 'creators', 'titles', 'publisher', 'publicationYear', 'types'] as const;

const errorBody = (status: number, title: string, source?: string) => ({ errors: [{ status: String(status), title, ...(source ? { source } : {}) }] });

function send(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/vnd.api+json; charset=utf-8', ...headers });
  response.end(body === undefined ? '' : JSON.stringify(body));
}

function missingMetadata(attributes: Record<string, unknown>): { status: string; source: string; title: string }[] {
  const errors = MANDATORY.filter((key) => {
    const value = attributes[key];
    return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  }).map((source) => ({ status: '422', source, title: "Can't be blank" }));
  if (typeof attributes.url === 'string' && !/^https?:\/\//.test(attributes.url)) errors.push({ status: '422', source: 'url', title: 'Is not a valid URL' });
  const types = attributes.types as { resourceTypeGeneral?: string } | undefined;
  if (types && !types.resourceTypeGeneral) errors.push({ status: '422', source: 'types', title: 'ResourceTypeGeneral can\'t be blank' });
  return errors;
}

/** What GET returns: the stored metadata plus what DataCite adds, in DataCite's default shapes. */
function representation(doi: string, stored: StoredDoi, query: URLSearchParams): unknown {
  const attributes: Record<string, unknown> = { ...stored.attributes };
  const types = (attributes.types ?? {}) as Record<string, unknown>;
  attributes.types = { ...types, schemaOrg: 'Dataset', citeproc: 'dataset', bibtex: 'misc', ris: 'DATA' };
  if (query.get('affiliation') !== 'true') {
    for (const key of ['creators', 'contributors']) {
      const agents = attributes[key] as { affiliation?: { name: string }[] }[] | undefined;
      attributes[key] = agents?.map((agent) => ({ ...agent, affiliation: (agent.affiliation ?? []).map((item) => item.name) }));
    }
  }
  if (query.get('publisher') !== 'true' && attributes.publisher && typeof attributes.publisher === 'object') {
    attributes.publisher = (attributes.publisher as { name: string }).name;
  }
  for (const key of ['subjects', 'contributors', 'dates', 'relatedIdentifiers', 'sizes', 'formats', 'geoLocations', 'fundingReferences', 'identifiers']) {
    attributes[key] ??= [];
  }
  return {
    data: {
      id: doi,
      type: 'dois',
      attributes: {
        ...attributes,
        doi,
        prefix: doi.slice(0, doi.indexOf('/')),
        suffix: doi.slice(doi.indexOf('/') + 1),
        state: stored.state,
        isActive: stored.state === 'findable',
        xml: 'PD94bWwgdmVyc2lvbj0iMS4wIj8+',
        created: '2024-06-01T00:00:00.000Z',
        updated: '2024-06-01T00:00:00.000Z',
        version: attributes.version ?? null,
        schemaVersion: 'http://datacite.org/schema/kernel-4',
      },
    },
  };
}

/** Applies an event; returns an error title when DataCite would refuse it. */
function applyEvent(stored: StoredDoi, event: unknown): string | undefined {
  if (event === undefined) return undefined;
  if (event === 'publish') stored.state = 'findable';
  else if (event === 'register') {
    if (stored.state !== 'draft') return `Event 'register' cannot transition from ${stored.state}`;
    stored.state = 'registered';
  } else if (event === 'hide') {
    if (stored.state !== 'findable') return `Event 'hide' cannot transition from ${stored.state}`;
    stored.state = 'registered';
  } else return `Event '${String(event)}' is not valid`;
  return undefined;
}

export async function startFakeDatacite(options: { prefixes?: string[]; repositoryId?: string; password?: string } = {}): Promise<FakeDatacite> {
  const prefixes = options.prefixes ?? ['10.5072'];
  const repositoryId = options.repositoryId ?? 'TEST.HELIOGRAPH';
  const password = options.password ?? 'pa55-w0rd-not-to-leak';
  const expected = `Basic ${Buffer.from(`${repositoryId}:${password}`).toString('base64')}`;
  const dois = new Map<string, StoredDoi>();
  const requests: RecordedRequest[] = [];
  const scripts: { match: string; answers: Scripted[] }[] = [];

  function handle(request: IncomingMessage, response: ServerResponse, body: RecordedRequest['body'], url: URL): void {
    const authorized = request.headers.authorization === expected;
    const method = request.method ?? 'GET';
    const doiPath = url.pathname.match(/^\/dois\/(.+)$/);
    const doiParam = doiPath ? decodeURIComponent(doiPath[1]!).toLowerCase() : undefined;

    // Requests without credentials may read findable DOIs; wrong credentials are refused everywhere.
    if (!authorized && (method !== 'GET' || request.headers.authorization)) return send(response, 401, errorBody(401, 'Bad credentials.'));
    if (method === 'GET' && doiParam) {
      const stored = dois.get(doiParam);
      // Drafts and registered DOIs are visible to their repository only.
      if (!stored || (!authorized && stored.state !== 'findable')) return send(response, 404, errorBody(404, "The resource you are looking for doesn't exist."));
      return send(response, 200, representation(doiParam, stored, url.searchParams));
    }
    if ((method === 'POST' || method === 'PUT') && !String(request.headers['content-type']).startsWith('application/vnd.api+json')) {
      return send(response, 415, errorBody(415, 'The content type is not recognized.'));
    }
    const attributes = { ...(body?.data?.attributes ?? {}) };
    if (body?.data?.type !== 'dois') return send(response, 400, errorBody(400, 'You need to provide a payload following the JSONAPI spec'));
    const { event, ...metadata } = attributes;

    if (method === 'POST' && url.pathname === '/dois') {
      const doi = String(metadata.doi ?? `${String(metadata.prefix)}/${Math.random().toString(36).slice(2, 10)}`).toLowerCase();
      if (!prefixes.includes(doi.slice(0, doi.indexOf('/')))) return send(response, 403, errorBody(403, 'You are not authorized to access this resource.'));
      if (dois.has(doi)) return send(response, 422, { errors: [{ status: '422', source: 'doi', title: 'This DOI has already been taken', uid: doi }] });
      if (event === 'publish' || event === 'register') {
        const missing = missingMetadata(metadata);
        if (missing.length) return send(response, 422, { errors: missing });
      }
      const stored: StoredDoi = { state: 'draft', attributes: { ...metadata, doi } };
      const refused = applyEvent(stored, event);
      if (refused) return send(response, 422, errorBody(422, refused, 'event'));
      dois.set(doi, stored);
      return send(response, 201, representation(doi, stored, new URLSearchParams('affiliation=true&publisher=true')));
    }
    if (method === 'PUT' && doiParam) {
      if (!prefixes.includes(doiParam.slice(0, doiParam.indexOf('/')))) return send(response, 403, errorBody(403, 'You are not authorized to access this resource.'));
      const existing = dois.get(doiParam);
      const stored: StoredDoi = existing ? { state: existing.state, attributes: { ...existing.attributes, ...metadata } } : { state: 'draft', attributes: { ...metadata } };
      stored.attributes.doi = doiParam;
      if (event === 'publish' || stored.state !== 'draft') {
        const missing = missingMetadata(stored.attributes);
        if (missing.length) return send(response, 422, { errors: missing });
      }
      const refused = applyEvent(stored, event);
      if (refused) return send(response, 422, errorBody(422, refused, 'event'));
      dois.set(doiParam, stored);
      return send(response, existing ? 200 : 201, representation(doiParam, stored, new URLSearchParams('affiliation=true&publisher=true')));
    }
    send(response, 404, errorBody(404, "The resource you are looking for doesn't exist."));
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: RecordedRequest['body'];
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        return send(response, 400, errorBody(400, 'The request body is not valid JSON'));
      }
      const method = request.method ?? 'GET';
      requests.push({
        method,
        path: `${url.pathname}${url.search}`,
        authorized: request.headers.authorization === expected,
        contentType: request.headers['content-type'],
        body,
      });
      const key = `${method} ${decodeURIComponent(url.pathname)}`;
      const script = scripts.find((candidate) => key.startsWith(candidate.match) && candidate.answers.length > 0);
      const answer = script?.answers.shift();
      if (answer === 'drop') {
        request.socket.destroy();
        return;
      }
      if (answer && !answer.afterHandling) return send(response, answer.status, answer.body, answer.headers);
      if (answer) {
        // Run the real handler against a throwaway response, then answer as scripted.
        const sink = { writeHead: () => sink, end: () => sink } as unknown as ServerResponse;
        handle(request, sink, body, url);
        return send(response, answer.status, answer.body, answer.headers);
      }
      handle(request, response, body, url);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    repositoryId,
    password,
    dois,
    requests,
    script: (match, ...answers) => void scripts.push({ match, answers }),
    reset() {
      dois.clear();
      requests.length = 0;
      scripts.length = 0;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
