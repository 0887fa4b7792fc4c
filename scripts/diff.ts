/**
 * What changed in the catalog since a git revision: records added, changed,
 * withdrawn, removed, and the final metrics of changed runs.
 *   npm run diff -- --base <ref> [--catalog <dir>] [--format markdown|text|json] [--output <file>]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { catalogFolder } from '../src/cli/catalog-folder.ts';
import { diffRenderers, type DiffFormat } from '../src/publishing/diff-report.ts';
import { diffAgainst } from '../src/publishing/diff.ts';
import { GitSnapshotError } from '../src/publishing/git-snapshot.ts';

const usage = 'usage: npm run diff -- --base <git ref> [--catalog <dir>] [--format markdown|text|json] [--output <file>]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string' },
    catalog: { type: 'string' },
    format: { type: 'string', default: 'text' },
    output: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!values.base) {
  console.error(`--base is required, e.g. --base origin/main\n${usage}`);
  process.exit(2);
}
const format = values.format as DiffFormat;
if (!(format in diffRenderers)) {
  console.error(`unknown --format "${format}": use ${Object.keys(diffRenderers).join(', ')}`);
  process.exit(2);
}

try {
  const report = diffRenderers[format](diffAgainst(catalogFolder(values.catalog ?? positionals[0]), values.base));
  if (values.output) writeFileSync(values.output, report);
  else process.stdout.write(report);
} catch (error) {
  if (!(error instanceof GitSnapshotError)) throw error;
  console.error(`npm run diff: ${error.message}`);
  process.exit(1);
}
