/**
 * Benchmarks: generates synthetic catalogs of 1,000 and 10,000 records in a
 * temporary folder and prints wall time and peak memory of `check`.
 *   npm run bench [-- --sizes 1000,10000]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticCatalog } from './bench/synthetic-catalog.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' } } });
const sizes = values.sizes.split(',').map(Number);

interface Measurement {
  seconds: number;
  peakMiB: number;
  status: number | null;
}

function measure(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Measurement {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['scripts/bench/measured.ts', script, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  const rss = Number(/HELIOGRAPH_MAX_RSS_KB=(\d+)/.exec(result.stderr)?.[1] ?? 0);
  if (result.status !== 0) console.error(result.stdout.slice(-2000), result.stderr.slice(-2000));
  return { seconds, peakMiB: rss / 1024, status: result.status };
}

const row = (label: string, m: Measurement) => `${label.padEnd(34)} ${m.seconds.toFixed(2).padStart(8)} s ${m.peakMiB.toFixed(0).padStart(7)} MiB${m.status === 0 ? '' : `  (exit ${m.status})`}`;

console.log(`Heliograph benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
for (const size of sizes) {
  const root = mkdtempSync(join(tmpdir(), `heliograph-bench-${size}-`));
  try {
    const counts = writeSyntheticCatalog(root, size);
    console.log(`\n${size} records (${counts.runs} runs, ${counts.datasets} datasets, ${counts.models} models, ${counts.projects} projects)`);
    console.log(row('check', measure('scripts/check.ts', ['--catalog', root, '--format', 'json'])));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
