/**
 * Turns what an ML tool recorded into catalog records, or updates the ones
 * an earlier import made.
 *   npm run import -- <mlflow|wandb|dvc|hf|croissant|cff|codemeta|cwl> <path> [--catalog <dir>] [--project <id>] [--files-url <url>] [--dry-run]
 * Imports that take more than two seconds draw a progress line on a terminal (stderr).
 */
import { parseArgs } from 'node:util';
import { catalogFolder } from '../src/cli/catalog-folder.ts';
import { progressLine } from '../src/cli/progress-line.ts';
import { importers, runImport } from '../src/importers/index.ts';
import { formatOutcome } from '../src/importers/report.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    catalog: { type: 'string' },
    project: { type: 'string' },
    'files-url': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const usage = [
  'usage: npm run import -- <source> <path> [--catalog <dir>] [--project <id>] [--files-url <url>] [--dry-run]',
  ...Object.entries(importers).map(([name, importer]) => `  ${name.padEnd(10)} ${importer.source}`),
].join('\n');

const [tool, source] = positionals;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!tool || !source || !(tool in importers)) {
  console.error(tool && !(tool in importers) ? `unknown source "${tool}"\n${usage}` : usage);
  process.exit(2);
}

const dryRun = values['dry-run'];
const progress = progressLine(process.stderr, `importing from ${tool}`);
const outcome = await runImport(importers[tool as keyof typeof importers], source, {
  catalog: catalogFolder(values.catalog),
  project: values.project,
  filesUrl: values['files-url'],
  dryRun,
  progress: progress.update,
});
progress.end();
console.log(formatOutcome(outcome, dryRun));
process.exit(outcome.problems.length ? 1 : 0);
