/**
 * The importer benchmark: an MLflow file store of 1,000 runs (20 parameters,
 * 10 metrics of 1,000 steps each) imported into a fresh catalog, then
 * imported again with nothing changed; each import runs as `npm run import`
 * does, in its own process, with its wall time, CPU time and peak memory.
 *   npm run bench:import [-- --runs 1000 --steps 1000]
 * Targets (issue 15): first import under 20 s with bounded memory, re-import under 5 s.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeMlflowStore } from './synthetic-mlflow.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1000' }, steps: { type: 'string', default: '1000' } } });
const size = { runs: Number(values.runs), params: 20, metrics: 10, steps: Number(values.steps) };

const work = join(tmpdir(), 'heliograph-import-bench');
const store = join(work, `mlruns-${size.runs}x${size.steps}`);
if (!existsSync(join(store, '1', 'meta.yaml'))) {
  const started = performance.now();
  rmSync(store, { recursive: true, force: true });
  writeMlflowStore(store, size);
  console.log(`wrote ${store} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const catalog = join(work, 'catalog');
rmSync(catalog, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync('test/fixtures/catalogs/minimal', catalog, { recursive: true });

/** Prints the process's CPU time and peak memory when it exits: wall time alone says little on a shared machine. */
const REPORT_USAGE = `data:text/javascript,process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nHELIOGRAPH_USAGE=' + u.userCPUTime + ' ' + u.systemCPUTime + ' ' + u.maxRSS + '\\n'); });`;

function measuredImport(label: string): void {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', REPORT_USAGE, 'scripts/import.ts', 'mlflow', store, '--catalog', catalog], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  const [user = 0, system = 0, rss = 0] = (/HELIOGRAPH_USAGE=(\d+) (\d+) (\d+)/.exec(result.stderr)?.slice(1) ?? []).map(Number);
  const summary = result.stdout.trim().split('\n').at(-1);
  if (result.status !== 0) {
    console.error(result.stdout.slice(-2000), result.stderr.slice(-2000));
    process.exit(1);
  }
  const cpu = (user + system) / 1e6;
  console.log(`${label.padEnd(22)} ${seconds.toFixed(1).padStart(6)} s wall  ${cpu.toFixed(1).padStart(6)} s CPU  peak ${(rss / 1024).toFixed(0).padStart(5)} MB  (${summary})`);
}

console.log(`MLflow file store: ${size.runs} runs, ${size.params} params, ${size.metrics} metrics × ${size.steps} steps`);
measuredImport('first import');
measuredImport('re-import, no change');
