/**
 * Full-text search: Pagefind indexes the built HTML (record content only, marked
 * with data-pagefind-body) and writes a static index beside the site. Browsers
 * load only the index chunks a query needs, on the search page.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export const SEARCH_BUNDLE = 'pagefind';

export async function writeSearchIndex(outDir: string, language: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, SEARCH_BUNDLE) });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
