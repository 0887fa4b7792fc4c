/**
 * Every command works on any catalog folder: `--catalog <dir>`, else the
 * HELIOGRAPH_CONTENT environment variable, else content/.
 */
export const CATALOG_ENV = 'HELIOGRAPH_CONTENT';
export const DEFAULT_CATALOG = 'content';

export function catalogFolder(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  // An empty variable (HELIOGRAPH_CONTENT= in a CI file) means "not set", not the current folder.
  return option || env[CATALOG_ENV] || DEFAULT_CATALOG;
}
