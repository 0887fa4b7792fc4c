/**
 * The last stage of a whole build, and of the merge of shards: with every
 * page in place, the files that span the site and the search index over all
 * pages. Both paths run this one function, so they produce the same site.
 */
import type { Site } from '../site/site.ts';
import { assertLandingPages } from './landing-pages.ts';
import { writeSearchIndex } from './search-index.ts';
import { siteWideFiles, writeSiteFiles } from './site-files.ts';

export interface FinishReport {
  siteFiles: number;
  siteFilesMs: number;
  indexedPages: number;
  indexMs: number;
}

export async function finishSite(site: Site, outDir: string): Promise<FinishReport> {
  assertLandingPages(site.catalog.records.values(), outDir);
  let started = performance.now();
  const siteFiles = await writeSiteFiles(siteWideFiles(site), outDir);
  const siteFilesMs = performance.now() - started;
  started = performance.now();
  const { pages } = await writeSearchIndex(outDir, site.settings.language);
  return { siteFiles, siteFilesMs, indexedPages: pages, indexMs: performance.now() - started };
}
