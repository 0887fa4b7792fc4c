/**
 * Merges shard builds into one site and finishes it: sitemap, catalog, feed,
 * redirects and the search index over every page.
 *   npm run merge -- <shard folder>... [--out dist] [--catalog <dir>]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogFolder } from '../src/cli/catalog-folder.ts';
import { finishSite } from '../src/pipeline/finish.ts';
import { mergeShardFolders } from '../src/pipeline/merge.ts';
import { CatalogInvalidError, openValidatedSite } from '../src/site/site.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { catalog: { type: 'string' }, out: { type: 'string', default: 'dist' }, help: { type: 'boolean', short: 'h', default: false } },
});
if (values.help || positionals.length === 0) {
  console.log('usage: npm run merge -- <shard folder>... [--out dist] [--catalog <dir>]');
  process.exit(values.help ? 0 : 2);
}

const outDir = resolve(values.out);
let started = performance.now();
try {
  // Every shard checked the catalog before it built; the merge needs its records, not the rules again.
  const site = openValidatedSite(catalogFolder(values.catalog));
  mergeShardFolders(positionals.map((folder) => resolve(folder)), outDir);
  console.log(`merged ${positionals.length} shard(s) into ${values.out} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  started = performance.now();
  const report = await finishSite(site, outDir, process.cwd());
  console.log(`site files: ${report.siteFiles} in ${(report.siteFilesMs / 1000).toFixed(2)} s; search index: ${report.indexedPages} pages in ${(report.indexMs / 1000).toFixed(2)} s`);
} catch (error) {
  console.error(error instanceof CatalogInvalidError ? error.report : String(error instanceof Error ? error.message : error));
  process.exit(1);
}
