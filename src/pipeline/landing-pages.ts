import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyRecord } from '../catalog/load.ts';
import { landingPath } from '../catalog/urls.ts';

/** Every record gets its page: a build (or a merge) that silently skipped some must not pass. */
export function missingLandingPages(records: Iterable<AnyRecord>, outDir: string): string[] {
  return [...records].map((record) => landingPath(record.type, record.id)).filter((path) => !existsSync(join(outDir, path, 'index.html')));
}

export function assertLandingPages(records: Iterable<AnyRecord>, outDir: string): void {
  const missing = missingLandingPages(records, outDir);
  if (missing.length) throw new Error(`no landing page was built for ${missing.length} records, e.g. ${missing.slice(0, 5).join(', ')}`);
}
