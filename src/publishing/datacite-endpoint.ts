/**
 * Where DataCite is and who we are there: the endpoint (test by default,
 * production only when asked for) and the repository account's credentials,
 * read from the environment and nowhere else.
 */
export const DATACITE_TEST_API = 'https://api.test.datacite.org';
export const DATACITE_PRODUCTION_API = 'https://api.datacite.org';
const PRODUCTION_HOST = new URL(DATACITE_PRODUCTION_API).hostname;

export const ENV = {
  repositoryId: 'DATACITE_REPOSITORY_ID',
  password: 'DATACITE_PASSWORD',
  apiUrl: 'DATACITE_API_URL',
} as const;

/** A problem with the setup (endpoint, credentials), found before any request. */
export class DataciteConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataciteConfigError';
  }
}

export interface Credentials {
  repositoryId: string;
  password: string;
}

/**
 * Which DataCite to talk to: an explicit URL (tests, proxies) or
 * DATACITE_API_URL, else the test endpoint; production only with the flag.
 */
export function resolveEndpoint(options: { production?: boolean; baseUrl?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const { production = false, env = process.env } = options;
  const override = options.baseUrl ?? (env[ENV.apiUrl] || undefined);
  if (production && override) {
    throw new DataciteConfigError(`--production talks to ${DATACITE_PRODUCTION_API}; unset ${ENV.apiUrl} or drop --production`);
  }
  const chosen = production ? DATACITE_PRODUCTION_API : (override ?? DATACITE_TEST_API);
  let url: URL;
  try {
    url = new URL(chosen);
  } catch {
    throw new DataciteConfigError(`${ENV.apiUrl} is not a URL: ${chosen}`);
  }
  if (url.username || url.password) {
    throw new DataciteConfigError(`${ENV.apiUrl} must not contain credentials: set ${ENV.repositoryId} and ${ENV.password} instead`);
  }
  if (url.hostname === PRODUCTION_HOST && !production) {
    throw new DataciteConfigError(`${chosen} is DataCite's production endpoint: pass --production to register real DOIs`);
  }
  return chosen.replace(/\/+$/, '');
}

/** Credentials from the environment only: they are never read from or written to a file. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): Credentials {
  const repositoryId = env[ENV.repositoryId];
  const password = env[ENV.password];
  const missing = [!repositoryId && ENV.repositoryId, !password && ENV.password].filter(Boolean);
  if (missing.length || !repositoryId || !password) {
    throw new DataciteConfigError(
      `set ${missing.join(' and ')} to your DataCite repository account (test and production accounts differ)`,
    );
  }
  return { repositoryId, password };
}
