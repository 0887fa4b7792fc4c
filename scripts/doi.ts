/**
 * Registers and maintains the catalog's DOIs with DataCite's REST API.
 *   npm run doi -- <plan|draft|publish|update|withdraw> [<id>...] [--catalog <dir>] [--production] [--hide]
 * Credentials come from DATACITE_REPOSITORY_ID and DATACITE_PASSWORD only. The
 * test endpoint is used unless --production is given; DATACITE_API_URL
 * points at another endpoint (a proxy, or a local server in tests).
 */
import { parseArgs } from 'node:util';
import { catalogFolder } from '../src/cli/catalog-folder.ts';
import { createDataciteClient } from '../src/publishing/datacite-api.ts';
import { credentialsFromEnv, DataciteConfigError, resolveEndpoint } from '../src/publishing/datacite-endpoint.ts';
import { doiCommandNames, formatResult, runDoiCommand, type DoiCommandName } from '../src/publishing/doi-commands.ts';
import { CatalogInvalidError, loadSite } from '../src/site/site.ts';

const usage = `usage: npm run doi -- <${doiCommandNames.join('|')}> [<id>...] [--catalog <dir>] [--production] [--hide]

  plan       which records would get which DOI, with the payloads; sends nothing
  draft      creates draft DOIs and writes each into its record file
  publish    makes DOIs findable (creates them, or publishes drafts)
  update     sends the URL and metadata of registered DOIs that changed
  withdraw   sends the tombstone metadata of withdrawn records (ids required);
             --hide also moves a findable DOI to registered

environment: DATACITE_REPOSITORY_ID, DATACITE_PASSWORD; the test endpoint
https://api.test.datacite.org unless --production (https://api.datacite.org).`;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    catalog: { type: 'string' },
    production: { type: 'boolean', default: false },
    hide: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(usage);
  process.exit(0);
}
const [command, ...ids] = positionals;
if (!command || !(doiCommandNames as readonly string[]).includes(command)) fail(command ? `unknown command "${command}"\n${usage}` : usage);
if (command === 'withdraw' && ids.length === 0) fail('withdraw needs the ids of the withdrawn records: npm run doi -- withdraw <id>...');

let site;
try {
  site = loadSite(catalogFolder(values.catalog));
} catch (error) {
  if (!(error instanceof CatalogInvalidError)) throw error;
  fail(`the catalog has errors; no DOI is registered until they are fixed:\n${error.report}`, 1);
}

let client;
if (command !== 'plan') {
  try {
    const baseUrl = resolveEndpoint({ production: values.production });
    const contact = site.settings.contact;
    client = createDataciteClient({ baseUrl, credentials: credentialsFromEnv(), userAgent: `Heliograph (mailto:${contact})` });
    console.log(`DataCite ${values.production ? 'PRODUCTION' : 'test'} endpoint: ${baseUrl}`);
  } catch (error) {
    if (!(error instanceof DataciteConfigError)) throw error;
    fail(error.message);
  }
}

const results = await runDoiCommand(command as DoiCommandName, {
  site,
  ids,
  client,
  hide: values.hide,
  onResult: (result) => {
    const line = formatResult(result);
    if (result.outcome === 'failed') console.error(line);
    else console.log(line);
    if (result.request) {
      const { method, path, body } = result.request;
      console.log(`  ${method} ${path}\n${JSON.stringify(body, null, 2).replace(/^/gm, '  ')}`);
    }
  },
});

const count = (outcome: string) => results.filter((result) => result.outcome === outcome).length;
const failed = count('failed');
const done = results.length - failed - count('skipped') - count('unchanged');
const records = `${results.length} record${results.length === 1 ? '' : 's'}`;
console.log(`${records}: ${done} ${command === 'plan' ? 'planned' : 'done'}, ${count('unchanged')} unchanged, ${count('skipped')} skipped, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
