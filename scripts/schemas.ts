/**
 * Writes the JSON Schemas of every record type to public/schemas/, where
 * editors (via .vscode/settings.json or a `# yaml-language-server: $schema=`
 * line) and the published site pick them up; and maps every Markdown record
 * of the catalog, valid or not, for the Astro language server's front matter help.
 *   npm run schemas [-- --catalog <dir>]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogFolder } from '../src/cli/catalog-folder.ts';
import { COLLECTION_MANIFEST, mapMarkdownRecords } from '../src/editor/front-matter-help.ts';
import { jsonSchemas, renderJsonSchema, SCHEMA_FOLDER } from '../src/schema/json-schema.ts';

mkdirSync(SCHEMA_FOLDER, { recursive: true });
for (const [fileName, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(SCHEMA_FOLDER, fileName), renderJsonSchema(schema));
  console.log(`wrote ${join(SCHEMA_FOLDER, fileName)}`);
}

const { values } = parseArgs({ options: { catalog: { type: 'string' } } });
if (mapMarkdownRecords(process.cwd(), catalogFolder(values.catalog))) console.log(`mapped the catalog's Markdown records in ${COLLECTION_MANIFEST}`);
else console.log(`no ${COLLECTION_MANIFEST} yet: run npx astro sync (or npm run typecheck) for front matter help in VS Code`);
