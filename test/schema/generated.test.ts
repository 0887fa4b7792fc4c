import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnumeration } from '../../scripts/vocabularies.ts';
import { jsonSchemas, renderJsonSchema, SCHEMA_FOLDER } from '../../src/schema/json-schema.ts';
import { vocabulary } from '../../src/schema/vocabularies.ts';

describe('files generated from the schemas and standards', () => {
  it('public/schemas matches the zod schemas (run npm run schemas after changing them)', () => {
    for (const [fileName, schema] of Object.entries(jsonSchemas())) {
      expect(readFileSync(join(SCHEMA_FOLDER, fileName), 'utf8'), fileName).toBe(renderJsonSchema(schema));
    }
  });

  it('the DataCite vocabularies match the official XSD (run npm run vocabularies)', () => {
    const xsd = (name: string) => readFileSync(`test/fixtures/standards/datacite-kernel-4.7/include/datacite-${name}-v4.xsd`, 'utf8');
    expect(vocabulary.relationType).toEqual(readEnumeration(xsd('relationType')));
    expect(vocabulary.resourceTypeGeneral).toEqual(readEnumeration(xsd('resourceType')));
    expect(vocabulary.contributorType).toContain('DataCurator');
  });

  it('gives editors the field descriptions and the SPDX list', () => {
    const dataset = jsonSchemas()['dataset.schema.json'] as { properties: Record<string, { description?: string; enum?: string[] }>; additionalProperties: boolean };
    expect(dataset.additionalProperties).toBe(false);
    expect(dataset.properties.derivedFrom!.description).toMatch(/derives from/);
    expect(dataset.properties.license!.enum).toContain('CC-BY-4.0');
  });
});
