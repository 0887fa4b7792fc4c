/**
 * One Decap collection per record type and file format: a folder of the
 * catalog, its extension, and the fields walked from the type's schema. A
 * type whose files may be Markdown or YAML (runs) gets a collection for each,
 * since a Decap collection lists files of one extension.
 */
import type { z } from 'zod';
import { recordTypeNames, recordTypes, type RecordType } from '../schema/index.ts';
import type { EditorCollection, EditorField } from './decap-types.ts';
import { objectFields, type OmittedField } from './fields.ts';

export type RecordFormat = 'markdown' | 'yaml';

/** The names of the custom formats the admin script registers with Decap (see browser/admin.ts). */
export const formatNames: Record<RecordFormat, string> = { markdown: 'heliograph-markdown', yaml: 'heliograph-yaml' };

const formatOf = (extension: string): RecordFormat => (extension === '.md' ? 'markdown' : 'yaml');

interface CollectionPlan {
  type: RecordType;
  format: RecordFormat;
  extension: string;
  name: string;
  label: string;
}

/** The collections to make: the first extension of each format a type allows. */
export function collectionPlans(): CollectionPlan[] {
  return recordTypeNames.flatMap((type) => {
    const { extensions, folder, plural } = recordTypes[type];
    const formats = [...new Set(extensions.map(formatOf))];
    return formats.map((format, index) => ({
      type,
      format,
      extension: extensions.find((extension) => formatOf(extension) === format)!.slice(1),
      name: index === 0 ? folder : `${folder}-${format}`,
      label: index === 0 ? plural : `${plural} (${format === 'yaml' ? 'YAML' : 'Markdown'})`,
    }));
  });
}

/** The field a record is known by: its title, or a person's or organization's name. */
export function identifierField(type: RecordType): string {
  return 'title' in (recordTypes[type].schema as unknown as z.ZodObject).shape ? 'title' : 'name';
}

const bodyField: EditorField = {
  name: 'body',
  label: 'Text',
  widget: 'markdown',
  modes: ['raw'],
  required: false,
  hint: 'The Markdown text of the page, below the metadata. Cite entries of references.bib as [@key].',
};

export function editorCollections(contentPath: string): { collections: EditorCollection[]; omitted: OmittedField[] } {
  const plans = collectionPlans();
  const omitted: OmittedField[] = [];
  const relationTarget = (type: RecordType) => {
    const matching = plans.filter((plan) => plan.type === type);
    // A relation widget searches one collection: types split over two are typed as ids.
    return matching.length === 1 ? { collection: matching[0]!.name, searchField: identifierField(type) } : undefined;
  };
  const collections = plans.map((plan): EditorCollection => {
    const { schema, folder, label } = recordTypes[plan.type];
    const typeOmitted: OmittedField[] = [];
    const fields = objectFields(schema as unknown as z.ZodObject, { type: plan.type, path: [], relationTarget }, typeOmitted);
    if (plan.format === 'markdown') fields.push(bodyField);
    if (plans.find((other) => other.type === plan.type) === plan) omitted.push(...typeOmitted.map((field) => ({ ...field, path: `${plan.type}.${field.path}` })));
    const identifier = identifierField(plan.type);
    return {
      name: plan.name,
      label: plan.label,
      label_singular: label,
      description: (schema.meta()?.description as string | undefined) ?? label,
      folder: [contentPath, folder].filter(Boolean).join('/'),
      extension: plan.extension,
      format: formatNames[plan.format],
      create: true,
      slug: '{{slug}}',
      identifier_field: identifier,
      summary: `{{${identifier}}}`,
      sortable_fields: [identifier],
      editor: { preview: false },
      fields,
    };
  });
  return { collections, omitted };
}
