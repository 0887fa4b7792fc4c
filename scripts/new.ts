/**
 * Writes a commented skeleton record; once its creators are named it passes `check`.
 *   npm run new -- <type> <id> [--catalog <dir>]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../src/catalog/load.ts';
import { skeletonFor } from '../src/catalog/skeleton.ts';
import { catalogFolder } from '../src/cli/catalog-folder.ts';
import { mapMarkdownRecords } from '../src/editor/front-matter-help.ts';
import { isRecordId } from '../src/schema/common/identifiers.ts';
import { recordTypeNames, recordTypes, type RecordType } from '../src/schema/index.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { catalog: { type: 'string' } } });
const [type, id] = positionals;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (!type || !id) fail(`usage: npm run new -- <${recordTypeNames.join('|')}> <id> [--catalog <dir>]`);
if (!recordTypeNames.includes(type as RecordType)) fail(`unknown type "${type}": use one of ${recordTypeNames.join(', ')}`);
if (!isRecordId(id)) fail(`"${id}" is not a valid id: use lowercase letters, digits and single hyphens, e.g. resnet-18-baseline`);

const folder = catalogFolder(values.catalog);
const catalog = loadCatalog(folder);
if (catalog.records.has(id)) fail(`id "${id}" is already used by ${catalog.records.get(id)!.file}`);

const { fileName, text } = skeletonFor(type as RecordType, id, catalog);
const path = join(folder, fileName);
if (existsSync(path)) fail(`${path} already exists`);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, text);
// So that VS Code offers the type's fields in the new file at once (see the README's Editors section).
mapMarkdownRecords(process.cwd(), folder);
console.log(`wrote ${path}\nfill it in${'creators' in (recordTypes[type as RecordType].schema as unknown as { shape: object }).shape ? ' (name its creators: check refuses it until you do)' : ''}, then run: npm run check`);
