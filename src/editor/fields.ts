/**
 * Decap CMS fields from the zod schemas: each field gets the widget its type
 * needs, its description as the hint, `required` from its optionality, and
 * the checks a form can run (regular expressions, minimum counts, number
 * bounds). What a form cannot express (unions, maps, tuples, fields written
 * by tools) is left out and listed, and Decap keeps such values as they are.
 */
import { z } from 'zod';
import { relationFields } from '../catalog/relations.ts';
import { formHints } from '../schema/common/form-hints.ts';
import type { RecordType } from '../schema/index.ts';
import type { EditorField } from './decap-types.ts';

export interface FieldContext {
  type: RecordType;
  /** Field names from the record's top level down, list items skipped. */
  path: readonly string[];
  /** The collection a relation widget searches for each record type, when it is one. */
  relationTarget: (type: RecordType) => { collection: string; searchField: string } | undefined;
}

export interface OmittedField {
  path: string;
  why: string;
}

export interface FieldsResult {
  fields: EditorField[];
  omitted: OmittedField[];
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean; defaultValue?: unknown } {
  let inner = schema;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional') optional = true;
    else if (def.type === 'default') defaultValue = def.defaultValue;
    else return { inner, optional: optional || defaultValue !== undefined, defaultValue };
    inner = def.innerType as z.ZodType;
  }
}

const ACRONYMS: Record<string, string> = { url: 'URL', uri: 'URI', doi: 'DOI', md5: 'MD5', sha256: 'SHA-256', ror: 'ROR', orcid: 'ORCID', id: 'ID', co2e: 'CO2e' };

/** "datePublished" → "Date published", "licenseUrl" → "License URL". */
export function fieldLabel(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
    .map((word) => ACRONYMS[word] ?? word)
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function description(schema: z.ZodType, inner: z.ZodType): string | undefined {
  return (schema.meta()?.description ?? inner.meta()?.description) as string | undefined;
}

const checksOf = (schema: z.ZodType): Def[] => ((defOf(schema).checks as { _zod: { def: Def } }[] | undefined) ?? []).map((check) => check._zod.def);

/** The bound a check such as .min(), .nonnegative() or .max() sets, inclusive only. */
function bound(schema: z.ZodType, check: string): number | undefined {
  const found = checksOf(schema).find((def) => def.check === check && def.inclusive !== false);
  const value = found?.value ?? found?.minimum;
  return typeof value === 'number' ? value : undefined;
}

/** The zod regex checks of a string as Decap `pattern` pairs. */
function stringPattern(schema: z.ZodType): [string, string] | undefined {
  for (const def of checksOf(schema)) {
    if (def.check === 'string_format' && def.format === 'regex') {
      const error = def.error as ((issue: object) => unknown) | undefined;
      const message = error?.({});
      const text = typeof message === 'string' ? message : (message as { message?: string } | undefined)?.message;
      return [(def.pattern as RegExp).source, text ?? `must match ${(def.pattern as RegExp).source}`];
    }
  }
  return undefined;
}

function relationFor(context: FieldContext) {
  const [field, key] = context.path;
  const rule = relationFields.find((relation) => relation.from === context.type && relation.field === field && relation.key === key);
  if (!rule || rule.external) return undefined;
  const target = context.relationTarget(rule.targets[0]!);
  if (!target) return undefined;
  const others = rule.targets.slice(1);
  return { ...target, note: others.length ? ` Pick from ${target.collection}; ${others.join(' or ')} ids are written in the file.` : '' };
}

type Widget = Omit<EditorField, 'name' | 'label' | 'required' | 'hint'>;

/** The widget for a schema that is not optional, or undefined when a form cannot express it. */
function widgetFor(schema: z.ZodType, context: FieldContext, omitted: OmittedField[]): { widget: Widget; note?: string } | undefined {
  const def = defOf(schema);
  const hint = formHints.get(schema);
  if (hint?.kind === 'outside-forms') {
    omitted.push({ path: context.path.join('.'), why: hint.how });
    return undefined;
  }
  switch (def.type) {
    case 'string': {
      const relation = hint?.kind === 'record-id' ? relationFor(context) : undefined;
      if (relation) {
        return {
          widget: { widget: 'relation', collection: relation.collection, search_fields: [relation.searchField], display_fields: [relation.searchField], value_field: '{{slug}}' },
          note: relation.note,
        };
      }
      if (hint?.kind === 'date') return { widget: { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false } };
      if (hint?.kind === 'date-time') return { widget: { widget: 'datetime', format: 'YYYY-MM-DDTHH:mm:ss[Z]', picker_utc: true } };
      const choices = schema.meta()?.enum as string[] | undefined;
      if (choices) return { widget: { widget: 'select', options: choices } };
      const pattern = stringPattern(schema);
      return { widget: { widget: hint?.kind === 'paragraph' ? 'text' : 'string', ...(pattern && { pattern }) } };
    }
    case 'enum':
      return { widget: { widget: 'select', options: Object.values(def.entries as Record<string, string>) } };
    case 'boolean':
      return { widget: { widget: 'boolean' } };
    case 'number': {
      const integer = checksOf(schema).some((check) => check.check === 'number_format' && ['safeint', 'int32'].includes(check.format as string));
      const [min, max] = [bound(schema, 'greater_than'), bound(schema, 'less_than')];
      return { widget: { widget: 'number', value_type: integer ? 'int' : 'float', ...(min !== undefined && { min }), ...(max !== undefined && { max }) } };
    }
    case 'object': {
      const fields = objectFields(schema as z.ZodObject, context, omitted);
      // Decap refuses an object without fields; one whose every field a form cannot hold is left out whole.
      if (!fields.length) {
        omitted.push({ path: context.path.join('.'), why: 'an object none of whose fields a form can hold' });
        return undefined;
      }
      return { widget: { widget: 'object', collapsed: false, fields } };
    }
    case 'array':
      return listWidget(schema, context, omitted);
    case 'union': {
      // "A statement or a list of them" (the responsible-AI facts): the form edits the list, which the schema also accepts.
      const list = (def.options as z.ZodType[]).find((option) => defOf(option).type === 'array');
      const others = (def.options as z.ZodType[]).filter((option) => option !== list);
      if (list && others.every((option) => defOf(option).type === 'string')) return listWidget(list, context, omitted);
      omitted.push({ path: context.path.join('.'), why: 'a choice of values, which a form cannot hold' });
      return undefined;
    }
    default:
      omitted.push({ path: context.path.join('.'), why: `a ${def.type} of values, which a form cannot hold` });
      return undefined;
  }
}

function listWidget(schema: z.ZodType, context: FieldContext, omitted: OmittedField[]): { widget: Widget; note?: string } | undefined {
  const minimum = bound(schema, 'min_length');
  const counts = minimum ? { min: minimum } : {};
  const item = unwrap(defOf(schema).element as z.ZodType).inner;
  const itemOmitted: OmittedField[] = [];
  const itemWidget = widgetFor(item, context, itemOmitted);
  if (!itemWidget) {
    omitted.push({ path: context.path.join('.'), why: itemOmitted[0]?.why ?? 'a list of mixed values, which a form cannot hold' });
    return undefined;
  }
  omitted.push(...itemOmitted);
  const { widget } = itemWidget;
  if (widget.widget === 'relation') return { widget: { ...widget, multiple: true, ...counts }, note: itemWidget.note };
  if (widget.widget === 'object') {
    const fields = widget.fields!;
    return { widget: { widget: 'list', ...counts, summary: `{{fields.${fields[0]!.name}}}`, fields } };
  }
  return { widget: { widget: 'list', ...counts, field: { name: 'item', label: fieldLabel(context.path.at(-1)!), ...widget } } };
}

/**
 * Decap requires the required fields of an object even when the object itself
 * is optional and left empty, so inside an optional object they are optional
 * in the form; check still requires them once the object is given.
 */
const optionalWithin =
  (parent: string) =>
  (field: EditorField): EditorField =>
    field.required ? { ...field, required: false, hint: [field.hint, `Needed when ${fieldLabel(parent).toLowerCase()} is given.`].filter(Boolean).join(' ') } : field;

/** One Decap field for a zod field, or undefined (and an entry in `omitted`) when a form cannot hold it. */
export function editorField(name: string, schema: z.ZodType, context: FieldContext, omitted: OmittedField[]): EditorField | undefined {
  const { inner, optional, defaultValue } = unwrap(schema);
  const result = widgetFor(inner, context, omitted);
  if (!result) return undefined;
  const hint = [description(schema, inner), result.note?.trim()].filter(Boolean).join(' ');
  const widget = optional && result.widget.fields && result.widget.widget === 'object' ? { ...result.widget, fields: result.widget.fields.map(optionalWithin(name)) } : result.widget;
  return {
    name,
    label: fieldLabel(name),
    ...widget,
    required: !optional,
    ...(defaultValue !== undefined && { default: defaultValue }),
    ...(hint && { hint }),
  };
}

export function objectFields(schema: z.ZodObject, context: FieldContext, omitted: OmittedField[]): EditorField[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([name, field]) => {
    const result = editorField(name, field, { ...context, path: [...context.path, name] }, omitted);
    return result ? [result] : [];
  });
}
