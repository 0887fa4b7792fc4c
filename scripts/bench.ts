/**
 * Benchmarks the users' workload: the example catalog cloned to each size
 * (scripts/bench/cloned-catalog.ts), checked and built as users run it, next
 * to Astro's own floor built in the same run (one dynamic route of as many
 * trivial pages). Prints wall time, peak memory of the process tree, the
 * ratio, the build's phases, and a preview of a one-record change.
 *   npm run bench                                  # 1,000 and 10,000 records
 *   npm run bench -- --sizes 100000 --shards 10    # built as ten shards in turn and their merge
 *   npm run bench -- --workload synthetic          # the synthetic catalog instead
 *   npm run bench -- --sizes 1000 --no-build       # check only
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBareSite } from './bench/bare-site.ts';
import { writeClonedCatalog } from './bench/cloned-catalog.ts';
import { commitAndEditOneRecord } from './bench/one-record-change.ts';
import { measure, type Measurement } from './bench/process-tree.ts';
import { indexSize, measureSearchLatency } from './bench/search-latency.ts';
import { hasChromium } from '../test/helpers/browser.ts';
import { writeSyntheticCatalog } from './bench/synthetic-catalog.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    workload: { type: 'string', default: 'cloned' },
    shards: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const ASTRO = 'node_modules/astro/bin/astro.mjs';
const NODE = process.execPath;
const sizes = values.sizes.split(',').map(Number);
/** Queries a reader of the example catalog types. */
const SEARCH_QUERIES = ['fashion mnist', 'resnet', 'learning rate sweep'];

const row = (label: string, m: Measurement) => `${label.padEnd(36)} ${m.seconds.toFixed(2).padStart(8)} s ${m.peakMiB.toFixed(0).padStart(7)} MiB${m.status === 0 ? '' : `  (exit ${m.status})`}`;
const line = (label: string, value: string) => console.log(`${label.padEnd(36)} ${value}`);

function folderSize(folder: string): { bytes: number; pages: number } {
  let bytes = 0;
  let pages = 0;
  for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(folder, file));
    if (stat.isFile()) bytes += stat.size;
    if (file.endsWith('index.html')) pages++;
  }
  return { bytes, pages };
}

function failed(m: Measurement): boolean {
  if (m.status !== 0) console.error(m.output.slice(-3000));
  return m.status !== 0;
}

/** The build's own account of its phases, from its log. */
function phases(output: string): void {
  const seconds = (pattern: RegExp) => pattern.exec(output)?.[1];
  const loaded = seconds(/loaded and checked in ([\d.]+) s/);
  const rendered = seconds(/rendered \d+ records' pages in ([\d.]+) s/);
  const exports = /exports: (\d+) files, done ([\d.]+) s after the pages; citations of (\d+) records from the cache/.exec(output);
  const site = /site files: (\d+) in ([\d.]+) s; search index: (\d+) pages in ([\d.]+) s/.exec(output);
  if (loaded) line('  load and check', `${loaded} s`);
  if (rendered) line('  page rendering (with bundling)', `${rendered} s`);
  if (exports) line('  exports (worker, beside the pages)', `${exports[1]} files, ${exports[2]} s after the pages; ${exports[3]} citations cached`);
  if (site) line('  site files, search index', `${site[2]} s (${site[1]} files), ${site[4]} s (${site[3]} pages)`);
}

/** Size, pages, search index and time to the first search result of a built site. */
async function describeSite(dist: string, records: number): Promise<void> {
  const { bytes, pages } = folderSize(dist);
  line('  site size', `${(bytes / 2 ** 20).toFixed(1)} MiB, ${(bytes / records / 1024).toFixed(1)} KiB per record, ${pages} pages`);
  if (pages < records) line('  WARNING', `only ${pages} pages for ${records} records: the build is incomplete`);
  if (!hasChromium) return;
  const index = indexSize(dist);
  line('  search index', `${(index.bytes / 2 ** 20).toFixed(1)} MiB in ${index.files} files`);
  for (const latency of await measureSearchLatency(dist, '/', SEARCH_QUERIES)) {
    line(`  search page, "${latency.query}"`, `${latency.coldMs.toFixed(0)} ms opened with nothing cached (${latency.status}); then "${latency.next}" typed: ${latency.warmMs.toFixed(0)} ms`);
  }
}

/** The shards built in turn on this machine, then merged into `dist`: wall time summed, peak memory the largest of any step. */
async function shardedBuild(catalog: string, root: string, dist: string, count: number, cache: NodeJS.ProcessEnv): Promise<Measurement> {
  let slowest = 0;
  const steps: Measurement[] = [];
  const folders: string[] = [];
  for (let index = 1; index <= count; index++) {
    const out = join(root, `shard-${index}`);
    folders.push(out);
    const shard = await measure(NODE, ['scripts/build.ts', '--catalog', catalog, '--out', out, '--shard', `${index}/${count}`], cache);
    steps.push(shard);
    console.log(row(`  shard ${index}/${count}`, shard));
    if (failed(shard)) return shard;
    if (index === 1) phases(shard.output);
    slowest = Math.max(slowest, shard.seconds);
  }
  const merge = await measure(NODE, ['scripts/merge.ts', ...folders, '--out', dist, '--catalog', catalog]);
  console.log(row('  merge (site files, search index)', merge));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  if (failed(merge)) return merge;
  steps.push(merge);
  line('  many machines (slowest shard + merge)', `${(slowest + merge.seconds).toFixed(2)} s`);
  return {
    ...merge,
    seconds: steps.reduce((total, step) => total + step.seconds, 0),
    peakMiB: Math.max(...steps.map((step) => step.peakMiB)),
  };
}

console.log(`Heliograph benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; workload: ${values.workload}`);
for (const size of sizes) {
  const root = mkdtempSync(join(tmpdir(), `heliograph-bench-${size}-`));
  try {
    const catalog = join(root, 'catalog');
    mkdirSync(catalog);
    const records =
      values.workload === 'synthetic'
        ? (writeSyntheticCatalog(catalog, size), size)
        : writeClonedCatalog('content', catalog, size).records;
    console.log(`\n${records} records (${values.workload === 'synthetic' ? 'synthetic' : 'example catalog cloned'})`);
    console.log(row('check', await measure(NODE, ['scripts/check.ts', '--catalog', catalog, '--format', 'json'])));
    if (values['no-build']) continue;

    const dist = join(root, 'dist');
    // A cold build first (an empty citation cache), then the same build again, as CI rebuilds with its cache restored.
    const cache = { HELIOGRAPH_CACHE: join(root, 'cache') };
    // With --shards the build at this size is the sharded one (shards in turn, then the merge), as the README tells users of such catalogs to run it.
    const build = values.shards ? await shardedBuild(catalog, root, dist, Number(values.shards), cache) : await measure(NODE, ['scripts/build.ts', '--catalog', catalog, '--out', dist], cache);
    console.log(row(values.shards ? `build in ${values.shards} shards and merge` : 'build (pages, exports, search)', build));
    if (!failed(build)) {
      if (!values.shards) phases(build.output);
      await describeSite(dist, records);
    }
    let rebuild: Measurement | undefined;
    if (!values.shards) {
      rebuild = await measure(NODE, ['scripts/build.ts', '--catalog', catalog, '--out', dist], cache);
      console.log(row('rebuild, citation cache kept', rebuild));
      if (!failed(rebuild)) phases(rebuild.output);
    }
    rmSync(dist, { recursive: true, force: true });

    commitAndEditOneRecord(catalog);
    const preview = await measure(NODE, ['scripts/build.ts', '--catalog', catalog, '--out', join(root, 'preview'), '--since', 'HEAD'], cache);
    console.log(row('preview of a one-record change', preview));
    if (!failed(preview)) line('  pages in the preview', `${folderSize(join(root, 'preview')).pages}`);

    // Inside the project, so that the bare site resolves astro from node_modules.
    const bare = join(process.cwd(), '.bench', `bare-${size}`);
    rmSync(bare, { recursive: true, force: true });
    writeBareSite(bare, records);
    const baseline = await measure(NODE, [ASTRO, 'build', '--root', bare]);
    rmSync(bare, { recursive: true, force: true });
    console.log(row(`bare Astro, one route, ${records} pages`, baseline));
    line('ratio build / bare', `${(build.seconds / baseline.seconds).toFixed(2)} ×${rebuild ? `, rebuild / bare ${(rebuild.seconds / baseline.seconds).toFixed(2)} ×` : ''}`);
  } finally {
    if (!values.keep) rmSync(root, { recursive: true, force: true });
  }
}
