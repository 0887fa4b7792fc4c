/**
 * A small client for DataCite's REST API (https://support.datacite.org/docs/api):
 * GET /dois/{doi}, POST /dois to create, PUT /dois/{doi} to update or to move
 * the state with an event (publish, register, hide). HTTP Basic auth with the
 * repository account; JSON:API bodies in both directions.
 *
 * The test endpoint is the default; production only when asked for. Rate
 * limits (429 with Retry-After), server errors and network failures are
 * retried a bounded number of times with exponential backoff; every other
 * answer becomes a DataciteApiError naming the status and DataCite's error
 * titles. Credentials go into the Authorization header and nowhere else.
 */
import { ENV, type Credentials } from './datacite-endpoint.ts';

const MEDIA_TYPE = 'application/vnd.api+json';

/** One entry of a JSON:API error body; DataCite gives `source` as the attribute name. */
export interface JsonApiError {
  status?: string;
  title?: string;
  detail?: string;
  source?: string | { pointer?: string; parameter?: string };
}

export class DataciteApiError extends Error {
  /** HTTP status, absent when DataCite could not be reached. */
  readonly status?: number;
  readonly errors: JsonApiError[];
  /** An earlier attempt may have reached DataCite (5xx or lost connection), so a create may have happened. */
  readonly afterUncertainAttempt: boolean;
  constructor(message: string, options: { status?: number; errors?: JsonApiError[]; afterUncertainAttempt?: boolean } = {}) {
    super(message);
    this.name = 'DataciteApiError';
    this.status = options.status;
    this.errors = options.errors ?? [];
    this.afterUncertainAttempt = options.afterUncertainAttempt ?? false;
  }
}

export type DoiState = 'draft' | 'registered' | 'findable';
export type DoiEvent = 'publish' | 'register' | 'hide';

export interface DataciteDoi {
  /** The DOI as DataCite spells it (lowercase). */
  doi: string;
  state: DoiState;
  attributes: Record<string, unknown>;
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Delay before the second attempt; doubles each time. */
  baseDelayMs: number;
  /** Longest wait; a Retry-After beyond it fails at once rather than stalling the command. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000 };

export interface DataciteClientOptions {
  baseUrl: string;
  credentials: Credentials;
  retry?: Partial<RetryPolicy>;
  /** Per attempt. */
  timeoutMs?: number;
  /** DataCite asks clients to identify themselves, ideally with a contact address. */
  userAgent?: string;
  sleep?: (milliseconds: number) => Promise<void>;
  fetch?: typeof fetch;
}

export interface DataciteClient {
  readonly baseUrl: string;
  /** The DOI with its state and metadata, or undefined if DataCite does not know it. */
  getDoi(doi: string): Promise<DataciteDoi | undefined>;
  /** POST /dois: a draft, or a findable DOI with event "publish". */
  createDoi(attributes: Record<string, unknown>, event?: DoiEvent): Promise<DataciteDoi>;
  /** PUT /dois/{doi}: new metadata and/or a state change. */
  updateDoi(doi: string, attributes: Record<string, unknown>, event?: DoiEvent): Promise<DataciteDoi>;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const HINTS: Record<number, string> = {
  401: `check ${ENV.repositoryId} and ${ENV.password} (test and production accounts differ)`,
  403: 'the repository account may not use this DOI prefix',
};

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

function describeErrors(errors: JsonApiError[]): string {
  return errors
    .map((error) => {
      const source = typeof error.source === 'string' ? error.source : (error.source?.pointer ?? error.source?.parameter);
      const text = error.title ?? error.detail ?? 'error';
      return source ? `${source}: ${text}` : text;
    })
    .join('; ');
}

function errorsOf(body: unknown): JsonApiError[] {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? errors.filter((error): error is JsonApiError => typeof error === 'object' && error !== null) : [];
}

/** Seconds or an HTTP date, as milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function toDoi(body: unknown): DataciteDoi {
  const data = (body as { data?: { id?: string; attributes?: Record<string, unknown> } } | undefined)?.data;
  const attributes = data?.attributes ?? {};
  const doi = String(attributes.doi ?? data?.id ?? '');
  return { doi, state: (attributes.state as DoiState | undefined) ?? 'draft', attributes };
}

const doiPath = (doi: string) => `/dois/${doi.split('/').map(encodeURIComponent).join('/')}`;

export function createDataciteClient(options: DataciteClientOptions): DataciteClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const sleep = options.sleep ?? ((milliseconds: number) => new Promise<void>((done) => setTimeout(done, milliseconds)));
  const fetchImpl = options.fetch ?? fetch;
  const { repositoryId, password } = options.credentials;
  const headers: Record<string, string> = {
    Accept: MEDIA_TYPE,
    Authorization: `Basic ${Buffer.from(`${repositoryId}:${password}`).toString('base64')}`,
    'User-Agent': options.userAgent ?? 'Heliograph',
  };

  async function request(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const what = `${method} ${path.split('?')[0]}`;
    let uncertain = false;
    for (let attempt = 1; ; attempt++) {
      const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
      const last = attempt >= retry.attempts;
      let response: Response;
      try {
        response = await fetchImpl(`${baseUrl}${path}`, {
          method,
          headers: body === undefined ? headers : { ...headers, 'Content-Type': MEDIA_TYPE },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        uncertain ||= method !== 'GET';
        const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
        if (last) {
          throw new DataciteApiError(`could not reach DataCite at ${baseUrl} (${what}): ${cause}; gave up after ${attempt} attempts`, {
            afterUncertainAttempt: uncertain,
          });
        }
        await sleep(backoff);
        continue;
      }
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      if (response.ok || (method === 'GET' && response.status === 404)) return { status: response.status, body: parsed };

      const { status } = response;
      const errors = errorsOf(parsed);
      const statusText = `${status} ${STATUS_TEXT[status] ?? response.statusText}`.trim();
      if (isRetryable(status) && !last) {
        const wait = status === 429 ? (parseRetryAfter(response.headers.get('retry-after')) ?? backoff) : backoff;
        if (wait > retry.maxDelayMs) {
          throw new DataciteApiError(`DataCite answered ${statusText} to ${what} and asks to wait ${Math.ceil(wait / 1000)} s; try again later`, {
            status,
            errors,
          });
        }
        uncertain ||= status >= 500 && method !== 'GET';
        await sleep(wait);
        continue;
      }
      const details = describeErrors(errors);
      const hint = HINTS[status];
      const tries = isRetryable(status) ? ` (gave up after ${attempt} attempts)` : '';
      throw new DataciteApiError(
        `DataCite answered ${statusText} to ${what}${tries}${details ? `: ${details}` : ''}${hint ? ` — ${hint}` : ''}`,
        { status, errors, afterUncertainAttempt: uncertain },
      );
    }
  }

  const payload = (attributes: Record<string, unknown>, event?: DoiEvent) => ({
    data: { type: 'dois', attributes: event ? { ...attributes, event } : attributes },
  });

  const client: DataciteClient = {
    baseUrl,
    async getDoi(doi) {
      // affiliation=true and publisher=true return those as objects, as they are sent.
      const { status, body } = await request('GET', `${doiPath(doi)}?affiliation=true&publisher=true`);
      return status === 404 ? undefined : toDoi(body);
    },
    async createDoi(attributes, event) {
      try {
        return toDoi((await request('POST', '/dois', payload(attributes, event))).body);
      } catch (error) {
        // A retry after a lost answer finds its own DOI "already taken": it was created.
        const doi = typeof attributes.doi === 'string' ? attributes.doi : undefined;
        const taken = error instanceof DataciteApiError && error.status === 422 && error.afterUncertainAttempt;
        if (!taken || !doi || !/taken/i.test(describeErrors(error.errors))) throw error;
        const existing = await client.getDoi(doi);
        if (!existing || existing.attributes.url !== attributes.url) throw error;
        return event === 'publish' && existing.state !== 'findable' ? client.updateDoi(doi, attributes, event) : existing;
      }
    },
    async updateDoi(doi, attributes, event) {
      return toDoi((await request('PUT', doiPath(doi), payload(attributes, event))).body);
    },
  };
  return client;
}
