/**
 * The public URL layout. DOIs and harvesters point at these URLs, so they are
 * an interface: change nothing here without redirects.
 */
import type { RecordType } from '../schema/index.ts';

export const typeFolders: Record<RecordType, string> = {
  person: 'people',
  organization: 'organizations',
  project: 'projects',
  dataset: 'datasets',
  model: 'models',
  run: 'runs',
  software: 'software',
  workflow: 'workflows',
  instrument: 'instruments',
};

/** Site-relative path of a record's landing page, e.g. /datasets/fashion-mnist/. */
export function landingPath(type: RecordType, id: string): string {
  return `/${typeFolders[type]}/${id}/`;
}

export function listingPath(type: RecordType): string {
  return `/${typeFolders[type]}/`;
}

/** Absolute URL of a site-relative path under the catalog's base URL (which may have a sub-path). */
export function absoluteUrl(base: string, path: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return new URL(path.replace(/^\//, ''), root).href;
}
