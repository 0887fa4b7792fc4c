/**
 * JSON Schemas generated from the zod schemas, for editor completion and hover
 * docs. Published under /schemas/ so `$schema` URLs resolve on the site too.
 */
import { z } from 'zod';
import { catalogSchema, recordTypes, type RecordType } from './index.ts';

export const SCHEMA_FOLDER = 'public/schemas';

export function jsonSchemaFileName(type: RecordType | 'catalog'): string {
  return `${type}.schema.json`;
}

export function jsonSchemas(): Record<string, object> {
  const schemas: [RecordType | 'catalog', z.ZodType][] = [
    ['catalog', catalogSchema],
    ...Object.entries(recordTypes).map(([type, { schema }]) => [type as RecordType, schema as z.ZodType] as [RecordType, z.ZodType]),
  ];
  return Object.fromEntries(
    schemas.map(([type, schema]) => [jsonSchemaFileName(type), z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })]),
  );
}

export function renderJsonSchema(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
