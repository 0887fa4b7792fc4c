/**
 * Benchmarks: generates synthetic catalogs of 1,000 and 10,000 records in a
 * temporary folder and prints wall time and peak memory of `check` and of the
 * site build (with its Pagefind indexing time and size per record), next to a
 * bare Astro build of as many trivial Markdown pages.
 *   npm run bench [-- --sizes 1000,10000] [--no-build]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBareSite } from './bench/bare-site.ts';
import { writeSyntheticCatalog } from './bench/synthetic-catalog.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' }, 'no-build': { type: 'boolean', default: false } } });
const ASTRO = 'node_modules/astro/bin/astro.mjs';
const sizes = values.sizes.split(',').map(Number);

interface Measurement {
  seconds: number;
  peakMiB: number;
  status: number | null;
  output: string;
}

function measure(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Measurement {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['scripts/bench/measured.ts', script, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  const rss = Number(/HELIOGRAPH_MAX_RSS_KB=(\d+)/.exec(result.stderr)?.[1] ?? 0);
  if (result.status !== 0) console.error(result.stdout.slice(-2000), result.stderr.slice(-2000));
  return { seconds, peakMiB: rss / 1024, status: result.status, output: result.stdout };
}

function folderSize(folder: string): number {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).reduce((total, file) => total + statSync(join(folder, file)).size, 0);
}

const row = (label: string, m: Measurement) => `${label.padEnd(34)} ${m.seconds.toFixed(2).padStart(8)} s ${m.peakMiB.toFixed(0).padStart(7)} MiB${m.status === 0 ? '' : `  (exit ${m.status})`}`;

console.log(`Heliograph benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
for (const size of sizes) {
  const root = mkdtempSync(join(tmpdir(), `heliograph-bench-${size}-`));
  try {
    const counts = writeSyntheticCatalog(root, size);
    console.log(`\n${size} records (${counts.runs} runs, ${counts.datasets} datasets, ${counts.models} models, ${counts.projects} projects)`);
    console.log(row('check', measure('scripts/check.ts', ['--catalog', root, '--format', 'json'])));
    if (values['no-build']) continue;
    const build = measure(ASTRO, ['build', '--outDir', join(root, 'dist')], { HELIOGRAPH_CONTENT: root });
    console.log(row('build (pages, exports, search)', build));
    const indexing = /indexed \d+ pages for search in (\d+) ms/.exec(build.output)?.[1];
    const exports = /wrote (\d+) metadata files in (\d+) ms/.exec(build.output);
    if (exports) console.log(`${'  of which exports'.padEnd(34)} ${(Number(exports[2]) / 1000).toFixed(2).padStart(8)} s  (${exports[1]} files)`);
    if (indexing) console.log(`${'  of which Pagefind indexing'.padEnd(34)} ${(Number(indexing) / 1000).toFixed(2).padStart(8)} s`);
    if (build.status === 0) {
      const pages = readdirSync(join(root, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('index.html')).length;
      if (pages < size) console.log(`  WARNING: only ${pages} pages for ${size} records: the build is incomplete`);
      const bytes = folderSize(join(root, 'dist'));
      console.log(`${'  site size'.padEnd(34)} ${(bytes / 2 ** 20).toFixed(1).padStart(8)} MiB, ${(bytes / size / 1024).toFixed(1)} KiB per record`);
    }
    // Inside the project, so that the bare site resolves astro from node_modules.
    const bare = join(process.cwd(), '.bench', `bare-${size}`);
    rmSync(bare, { recursive: true, force: true });
    writeBareSite(bare, size);
    const baseline = measure(ASTRO, ['build', '--root', bare]);
    rmSync(bare, { recursive: true, force: true });
    console.log(row(`bare Astro build, ${size} pages`, baseline));
    console.log(`${'  ratio build / bare'.padEnd(34)} ${(build.seconds / baseline.seconds).toFixed(2).padStart(8)} ×`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
