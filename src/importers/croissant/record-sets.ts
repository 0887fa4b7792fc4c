/** Croissant record-set fields as dataset variables: name, description and data type. */
import type { Dataset } from '../../schema/index.ts';
import { list, nodes, property, text, type Node } from './json-ld.ts';

type Variable = NonNullable<Dataset['variables']>[number];
type VariableType = NonNullable<Variable['type']>;

/** Croissant data types (schema.org classes and Croissant's own) by variable type. */
const dataTypes: Record<string, VariableType> = {
  Text: 'text',
  Integer: 'integer',
  Int8: 'integer',
  Int16: 'integer',
  Int32: 'integer',
  Int64: 'integer',
  UInt8: 'integer',
  UInt16: 'integer',
  UInt32: 'integer',
  UInt64: 'integer',
  Float: 'float',
  Float16: 'float',
  Float32: 'float',
  Float64: 'float',
  Number: 'float',
  Boolean: 'boolean',
  Bool: 'boolean',
  Date: 'date',
  DateTime: 'date',
  ImageObject: 'image',
  AudioObject: 'audio',
  URL: 'url',
};

function variableType(value: unknown): VariableType | undefined {
  for (const type of list(value)) {
    const term = typeof type === 'string' ? type.replace(/^.*[:/#]/, '') : undefined;
    if (term && term in dataTypes) return dataTypes[term];
  }
  return undefined;
}

/** Where a field reads from: its source's file or file set (as `sources` names it) and column. */
function sourceOf(field: Node, sources: ReadonlyMap<string, string>): Pick<Variable, 'file' | 'column'> {
  const [source] = nodes(property(field, 'source'));
  if (!source) return {};
  const [entry] = nodes(property(source, 'fileObject') ?? property(source, 'fileSet'));
  const file = typeof entry?.['@id'] === 'string' ? sources.get(entry['@id']) : undefined;
  const [extract] = nodes(property(source, 'extract'));
  const column = extract && property(extract, 'column');
  return { ...(file && { file }), ...(typeof column === 'string' && { column }) };
}

export function readVariables(dataset: Node, language: string, sources: ReadonlyMap<string, string> = new Map()): Variable[] {
  return nodes(property(dataset, 'recordSet')).flatMap((recordSet) =>
    nodes(property(recordSet, 'field')).flatMap((field) => {
      const name = text(property(field, 'name'), language) ?? (typeof field['@id'] === 'string' ? field['@id'] : undefined);
      if (!name) return [];
      const description = text(property(field, 'description'), language);
      const type = variableType(property(field, 'dataType'));
      const { file, column } = sourceOf(field, sources);
      return [{ name, ...(description && { description }), ...(type && { type }), ...(file && { file }), ...(column && column !== name && { column }) }];
    }),
  );
}
