/**
 * Idempotency. Each imported record carries `importedFrom: {tool, id, fields}`
 * where `fields` maps every imported top-level field to a short hash of the
 * value as imported. On the next import a field is overwritten only while its
 * current value still has that hash, that is, while nobody has edited it.
 */
import { createHash } from 'node:crypto';
import type { ImportedFrom } from '../schema/common/imported-from.ts';

export const PROVENANCE_FIELD = 'importedFrom';

/** JSON with object keys sorted, so that equal values hash equally whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** 12 hex characters of SHA-256: enough to notice an edit, short enough to read past. */
export function hashValue(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('hex').slice(0, 12);
}

export type FieldAction =
  | 'added'
  | 'updated'
  | 'unchanged'
  | 'removed'
  /** A person changed the field; the import would have changed it too, and did not. */
  | 'kept-edited'
  /** A person deleted an imported field; the import does not bring it back. */
  | 'kept-removed';

export interface FieldDecision {
  field: string;
  action: FieldAction;
}

export interface Merge {
  /** Fields to write (new or changed values). */
  set: Record<string, unknown>;
  /** Fields to delete: the source no longer has them and nobody edited them. */
  remove: string[];
  /** The new importedFrom.fields. */
  hashes: Record<string, string>;
  decisions: FieldDecision[];
}

export type HashOf = (field: string, value: unknown, side: 'imported' | 'current') => string;

/**
 * Decides, field by field, what a re-import may change. `current` is the
 * record as it is now (undefined for a new record); `hashOf` hashes a value,
 * so that a field naming a file (a metric history) can include the file's
 * content, imported or as it is now.
 */
export function mergeFields(
  imported: Record<string, unknown>,
  current: Record<string, unknown> | undefined,
  previous: ImportedFrom | undefined,
  hashOf: HashOf = (_field, value) => hashValue(value),
): Merge {
  const merge: Merge = { set: {}, remove: [], hashes: {}, decisions: [] };
  const decide = (field: string, action: FieldAction) => merge.decisions.push({ field, action });
  const recorded = previous?.fields ?? {};
  const fields = [...new Set([...Object.keys(imported), ...Object.keys(recorded)])];
  for (const field of fields) {
    if (field === PROVENANCE_FIELD) continue;
    const next = imported[field];
    const nextHash = next === undefined ? undefined : hashOf(field, next, 'imported');
    const has = current !== undefined && field in current && current[field] !== undefined;
    const currentHash = has ? hashOf(field, current![field], 'current') : undefined;
    const before = recorded[field];
    if (!has) {
      if (before !== undefined && current !== undefined) {
        // Imported once, since deleted by a person: stays deleted while the source still has it.
        if (nextHash !== undefined) {
          merge.hashes[field] = before;
          decide(field, 'kept-removed');
        }
      } else if (next !== undefined) {
        merge.set[field] = next;
        merge.hashes[field] = nextHash!;
        decide(field, 'added');
      }
    } else if (before !== undefined && currentHash === before) {
      // Untouched since the last import: the source decides.
      if (nextHash === undefined) {
        merge.remove.push(field);
        decide(field, 'removed');
      } else {
        merge.hashes[field] = nextHash;
        if (nextHash === before) decide(field, 'unchanged');
        else {
          merge.set[field] = next;
          decide(field, 'updated');
        }
      }
    } else if (nextHash !== undefined && currentHash === nextHash) {
      // Written by hand (or edited) to exactly what the source says: adopt it.
      merge.hashes[field] = nextHash;
      decide(field, 'unchanged');
    } else if (nextHash !== undefined) {
      if (before !== undefined) merge.hashes[field] = before;
      decide(field, 'kept-edited');
    } else if (before !== undefined) {
      merge.hashes[field] = before;
    }
  }
  return merge;
}

export function provenanceOf(tool: ImportedFrom['tool'], id: string, hashes: Record<string, string>, source?: string): ImportedFrom {
  const fields = Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { tool, id, fields, ...(source && { source }) };
}
