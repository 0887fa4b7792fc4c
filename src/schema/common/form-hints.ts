/**
 * What a form needs to know about a field that its zod type does not say: a
 * string that holds a paragraph rather than one line, a date, a record id.
 * Kept in a registry of its own so the hints never reach the JSON Schemas;
 * fields made from a hinted schema with `.meta()` inherit the hint.
 */
import { z } from 'zod';

export type FormHint =
  | { kind: 'paragraph' }
  | { kind: 'date' }
  | { kind: 'date-time' }
  | { kind: 'record-id' }
  /** Written by a tool or beside the record (a CSV, import hashes): forms leave it out, and keep its value. */
  | { kind: 'outside-forms'; how: string };

export const formHints = z.registry<FormHint>();

export function hinted<T extends z.ZodType>(schema: T, hint: FormHint): T {
  formHints.add(schema, hint);
  return schema;
}

/** Free text of a sentence or more (descriptions, summaries): a text area in a form. */
export function paragraph<T extends z.ZodString>(schema: T): T {
  return hinted(schema, { kind: 'paragraph' });
}

/** A field that forms leave out: `how` tells where it is edited instead. */
export function outsideForms<T extends z.ZodType>(schema: T, how: string): T {
  return hinted(schema, { kind: 'outside-forms', how });
}
