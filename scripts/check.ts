/**
 * Validates a catalog and reports every problem at once.
 *   npm run check [-- [<catalog>] [--catalog <dir>] [--format text|json|github] [--strict]]
 */
import { parseArgs } from 'node:util';
import { checkCatalog } from '../src/catalog/check.ts';
import { catalogFolder } from '../src/cli/catalog-folder.ts';
import { countBySeverity } from '../src/diagnostics/problem.ts';
import { reporters, type ReportFormat } from '../src/diagnostics/reporters/index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    catalog: { type: 'string' },
    format: { type: 'string' },
    strict: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('usage: npm run check -- [<catalog>] [--catalog <dir>] [--format text|json|github] [--strict]');
  process.exit(0);
}

const format = (values.format ?? (process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text')) as ReportFormat;
if (!(format in reporters)) {
  console.error(`unknown --format "${format}": use ${Object.keys(reporters).join(', ')}`);
  process.exit(2);
}

const { catalog, problems } = checkCatalog(catalogFolder(values.catalog ?? positionals[0]), { parallel: true });
console.log(reporters[format](problems, catalog.records.size));
const { error, warning } = countBySeverity(problems);
process.exit(error > 0 || (values.strict && warning > 0) ? 1 : 0);
