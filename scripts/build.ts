/**
 * Builds the site: checks the catalog, renders the pages with Astro while a
 * worker writes the exports, then writes the site-wide files and the search
 * index.
 *   npm run build                              # the whole site into dist/
 *   npm run build -- --shard 3/8 [--out dir]   # one shard's pages and exports, for `npm run merge`
 *   npm run build -- --since origin/main       # preview: the records a change touches, and their neighbours
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { build } from 'astro';
import { catalogFolder } from '../src/cli/catalog-folder.ts';
import { ONLY_ENV, parseShard, SHARD_ENV } from '../src/pipeline/plan.ts';
import { changedFiles, touchedRecords } from '../src/pipeline/preview.ts';
import { CatalogInvalidError, getSite } from '../src/site/site.ts';

const { values } = parseArgs({
  options: {
    catalog: { type: 'string' },
    out: { type: 'string' },
    shard: { type: 'string' },
    since: { type: 'string' },
    silent: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('usage: npm run build -- [--catalog <dir>] [--out <dir>] [--shard <i>/<n> | --since <git revision>] [--silent]');
  process.exit(0);
}
if (values.shard && values.since) {
  console.error('--shard and --since do not combine: a preview is one small build');
  process.exit(2);
}

const folder = resolve(catalogFolder(values.catalog));
process.env.HELIOGRAPH_CONTENT = folder;
try {
  const site = getSite(folder);
  if (values.shard) process.env[SHARD_ENV] = `${parseShard(values.shard).index}/${parseShard(values.shard).count}`;
  if (values.since) {
    const touched = touchedRecords(site, changedFiles(folder, values.since));
    console.log(
      touched.everything
        ? `preview since ${values.since}: a catalog-wide file changed, so every page is built`
        : `preview since ${values.since}: ${touched.changed.length} changed record(s), ${touched.ids.size} page(s) with their neighbours`,
    );
    if (!touched.everything) process.env[ONLY_ENV] = [...touched.ids].join(',');
  }
} catch (error) {
  if (error instanceof CatalogInvalidError) {
    console.error(error.report);
    process.exit(1);
  }
  throw error;
}
await build({ root: process.cwd(), outDir: values.out ? resolve(values.out) : undefined, logLevel: values.silent ? 'error' : 'info' });
