/**
 * Writes the JSON Schemas of every record type to public/schemas/, where
 * editors (via .vscode/settings.json or a `# yaml-language-server: $schema=`
 * line) and the published site pick them up.
 *   npm run schemas
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas, renderJsonSchema, SCHEMA_FOLDER } from '../src/schema/json-schema.ts';

mkdirSync(SCHEMA_FOLDER, { recursive: true });
for (const [fileName, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(SCHEMA_FOLDER, fileName), renderJsonSchema(schema));
  console.log(`wrote ${join(SCHEMA_FOLDER, fileName)}`);
}
