/**
 * Commented skeleton records for `npm run new`: the required fields filled
 * with values that validate, every optional field listed as a comment with
 * its description from the schema, so the file documents itself.
 */
import { stringify } from 'yaml';
import { ZodOptional, type z } from 'zod';
import { recordTypes, type RecordType } from '../schema/index.ts';
import type { LoadedCatalog } from './load.ts';
import { recordsOfType } from './load.ts';

type Shape = Record<string, z.ZodType>;

function shapeOf(type: RecordType): Shape {
  return (recordTypes[type].schema as unknown as { def: { shape: Shape } }).def.shape;
}

function requiredValues(type: RecordType, id: string, catalog: LoadedCatalog): Record<string, unknown> {
  const records = [...catalog.records.values()];
  const creator = recordsOfType(records, 'person')[0]?.id ?? catalog.settings?.publisher ?? 'your-id';
  const title = id.replaceAll('-', ' ').replace(/^./, (first) => first.toUpperCase());
  const describe = `Describe the ${type} in a sentence or two: what it is, how it was made, what it is for.`;
  switch (type) {
    case 'person':
      return { name: title };
    case 'organization':
      return { name: title };
    case 'project':
      return { title, summary: describe, creators: [creator] };
    case 'dataset':
      return { title, description: describe, creators: [creator] };
    case 'model':
      return { title, description: describe, creators: [creator], task: 'image-classification' };
    case 'run':
      return { title, runStatus: 'finished', startTime: `${new Date().toISOString().slice(0, 19)}Z` };
  }
}

function commentedOptionalFields(shape: Shape, present: Record<string, unknown>): string {
  return Object.entries(shape)
    .filter(([key]) => !(key in present))
    .map(([key, field]) => {
      const inner = field instanceof ZodOptional ? (field.unwrap() as z.ZodType) : field;
      const description = field.meta()?.description ?? inner.meta()?.description;
      return `# ${key}:${description ? `  # ${description}` : ''}`;
    })
    .join('\n');
}

export function skeletonFor(type: RecordType, id: string, catalog: LoadedCatalog): { fileName: string; text: string } {
  const values = requiredValues(type, id, catalog);
  const { extensions, folder } = recordTypes[type];
  const extension = extensions[0];
  const fields = stringify(values, { lineWidth: 0 }).trimEnd();
  const optional = commentedOptionalFields(shapeOf(type), values);
  const schemaLine = `# yaml-language-server: $schema=../../public/schemas/${type}.schema.json`;
  const text =
    extension === '.md'
      ? `---\n${fields}\n# Optional fields (uncomment what applies):\n${optional}\n---\n\nWrite the ${type}'s description here. Cite entries of references.bib as \`[@key]\`.\n`
      : `${schemaLine}\n${fields}\n# Optional fields (uncomment what applies):\n${optional}\n`;
  return { fileName: `${folder}/${id}${extension}`, text };
}
