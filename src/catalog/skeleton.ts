/**
 * Commented skeleton records for `npm run new`: the required fields filled
 * with values that validate, except the creators, which the author must name
 * (an untouched skeleton does not pass `check`, so nobody is credited by
 * default); every optional field listed as a comment with its description
 * from the schema, so the file documents itself.
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

function requiredValues(type: RecordType, id: string): Record<string, unknown> {
  // Nobody is named by default: `check` refuses the empty list until the author names the creators.
  const creators: string[] = [];
  const title = id.replaceAll('-', ' ').replace(/^./, (first) => first.toUpperCase());
  const describe = `Describe the ${type} in a sentence or two: what it is, how it was made, what it is for.`;
  switch (type) {
    case 'person':
      return { name: title };
    case 'organization':
      return { name: title };
    case 'project':
      return { title, summary: describe, creators };
    case 'dataset':
      return { title, description: describe, creators };
    case 'model':
      return { title, description: describe, creators, task: 'image-classification' };
    case 'run':
      return { title, runStatus: 'finished', startTime: `${new Date().toISOString().slice(0, 19)}Z` };
    case 'software':
      return { title, description: describe, creators, repository: `https://github.com/OWNER/${id}` };
    case 'workflow':
      return { title, description: describe, creators, language: 'dvc', steps: [{ id: 'train', command: 'python train.py' }] };
    case 'instrument':
      // Like creators, the manufacturer and owner are left for the author to name.
      return { title, description: describe, manufacturers: [], owners: [] };
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

/** A comment after an empty list of agents (`creators: []`, an instrument's owners) suggesting ids of the catalog's agents, without choosing any. */
function agentsComment(catalog: LoadedCatalog, field: string): string {
  const records = [...catalog.records.values()];
  const ids = [...recordsOfType(records, 'person'), ...recordsOfType(records, 'organization')].slice(0, 3).map((record) => record.id);
  return `  # name them: ids of people or organizations${field === 'creators' ? ', in citation order' : ''}${ids.length ? `, e.g. [${ids.join(', ')}]` : ''}`;
}

export function skeletonFor(type: RecordType, id: string, catalog: LoadedCatalog): { fileName: string; text: string } {
  const values = requiredValues(type, id);
  const { extensions, folder } = recordTypes[type];
  const extension = extensions[0];
  const fields = stringify(values, { lineWidth: 0 }).trimEnd().replace(/^(creators|manufacturers|owners): \[\]$/gm, (line, field: string) => line + agentsComment(catalog, field));
  const optional = commentedOptionalFields(shapeOf(type), values);
  const schemaLine = `# yaml-language-server: $schema=../../public/schemas/${type}.schema.json`;
  const text =
    extension === '.md'
      ? `---\n${fields}\n# Optional fields (uncomment what applies):\n${optional}\n---\n\nWrite the ${type}'s description here. Cite entries of references.bib as \`[@key]\`.\n`
      : `${schemaLine}\n${fields}\n# Optional fields (uncomment what applies):\n${optional}\n`;
  return { fileName: `${folder}/${id}${extension}`, text };
}
