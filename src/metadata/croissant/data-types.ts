/** Heliograph variable types as Croissant field data types (schema.org classes). */
import type { Dataset } from '../../schema/index.ts';

type VariableType = NonNullable<NonNullable<Dataset['variables']>[number]['type']>;

export const croissantDataTypes: Record<VariableType, string> = {
  integer: 'sc:Integer',
  float: 'sc:Float',
  boolean: 'sc:Boolean',
  text: 'sc:Text',
  date: 'sc:Date',
  image: 'sc:ImageObject',
  audio: 'sc:AudioObject',
  // Category labels are read as they are written; their meaning is in the description.
  category: 'sc:Text',
  url: 'sc:URL',
};

/** A variable of unknown type is read as text, which every loader can do. */
export const DEFAULT_DATA_TYPE = 'sc:Text';

/** Media types whose records are rows, so a field can name the column it is extracted from. */
export const tabularMediaTypes: ReadonlySet<string> = new Set([
  'text/csv',
  'text/tab-separated-values',
  'application/vnd.apache.parquet',
  'application/x-parquet',
]);
