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

export function readVariables(dataset: Node, language: string): Variable[] {
  return nodes(property(dataset, 'recordSet')).flatMap((recordSet) =>
    nodes(property(recordSet, 'field')).flatMap((field) => {
      const name = text(property(field, 'name'), language) ?? (typeof field['@id'] === 'string' ? field['@id'] : undefined);
      if (!name) return [];
      const description = text(property(field, 'description'), language);
      const type = variableType(property(field, 'dataType'));
      return [{ name, ...(description && { description }), ...(type && { type }) }];
    }),
  );
}
