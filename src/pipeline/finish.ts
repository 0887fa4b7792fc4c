/**
 * The last stage of a whole build, and of the merge of shards: with every
 * page in place, the files that span the site, the search index over all
 * pages and the web editor. Both paths run this one function, so they produce the same site.
 */
import { writeSiteAdmin } from '../editor/write-admin.ts';
import type { Site } from '../site/site.ts';
import { assertLandingPages } from './landing-pages.ts';
import { writeSearchIndex } from './search-index.ts';
import { siteWideFiles, writeSiteFiles } from './site-files.ts';

export interface FinishReport {
  siteFiles: number;
  siteFilesMs: number;
  indexedPages: number;
  indexMs: number;
  /** Where the web editor was written, if the catalog names a repository to save to. */
  editor?: string;
}

/** `projectRoot` is where node_modules is: the web editor's files come from there. */
export async function finishSite(site: Site, outDir: string, projectRoot: string): Promise<FinishReport> {
  assertLandingPages(site.catalog.records.values(), outDir);
  let started = performance.now();
  const siteFiles = await writeSiteFiles(siteWideFiles(site), outDir);
  const siteFilesMs = performance.now() - started;
  started = performance.now();
  const { pages } = await writeSearchIndex(outDir, site.settings.language);
  const indexMs = performance.now() - started;
  const editor = await writeSiteAdmin(outDir, projectRoot, site.catalog.root, site.settings);
  return { siteFiles, siteFilesMs, indexedPages: pages, indexMs, editor };
}
