/**
 * The text of a record file: rendered whole for a new record; for an existing
 * one, only the changed fields are set through the `yaml` Document API, so
 * the comments, quoting and order a person chose survive, and the Markdown
 * body is copied byte for byte.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { Document, isMap, isPair, isScalar, parseDocument, type Pair } from 'yaml';
import { PROVENANCE_FIELD } from './provenance.ts';

const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

export { splitRecordFile, type RecordFileParts } from '../catalog/record-file.ts';

export function renderNewRecord(fields: Record<string, unknown>, kind: 'markdown' | 'yaml', body = ''): string {
  const document = new Document(fields);
  const provenance = isMap(document.contents) ? document.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === PROVENANCE_FIELD) : undefined;
  if (provenance && isScalar(provenance.key)) provenance.key.commentBefore = ' Written by `npm run import` to recognise this record and your edits; leave it as it is.';
  const yaml = document.toString(STRINGIFY);
  return kind === 'markdown' ? `---\n${yaml}---\n${body ? `\n${body.trimEnd()}\n` : ''}` : yaml;
}

export interface RecordChange {
  set: Record<string, unknown>;
  remove: string[];
  provenance: unknown;
}

/**
 * Applies a change to an existing record's YAML. New fields go before
 * importedFrom, which stays last; replaced fields keep their place.
 */
export function updateRecordYaml(yaml: string, change: RecordChange): string {
  const document = parseDocument(yaml);
  if (!isMap(document.contents)) throw new Error('record YAML is not a mapping');
  // Pairs made by createPair hold plain values until stringified; the map takes both.
  const map = document.contents as unknown as { items: Pair[] };
  const indexOf = (key: string) => map.items.findIndex((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === key);
  for (const key of change.remove) document.delete(key);
  const entries: [string, unknown][] = [...Object.entries(change.set), [PROVENANCE_FIELD, change.provenance]];
  for (const [key, value] of entries) {
    const index = indexOf(key);
    const pair = document.createPair(key, value) as Pair;
    if (index >= 0) {
      // Keep the comment a person wrote above the key.
      const old = map.items[index]!;
      if (isScalar(old.key) && isScalar(pair.key)) pair.key.commentBefore = old.key.commentBefore;
      map.items[index] = pair;
    } else {
      const before = key === PROVENANCE_FIELD ? -1 : indexOf(PROVENANCE_FIELD);
      map.items.splice(before >= 0 ? before : map.items.length, 0, pair);
    }
  }
  const text = document.toString(STRINGIFY);
  return /\r\n/.test(yaml) ? text.replace(/\r?\n/g, '\r\n') : text;
}

/**
 * The fields of a record's YAML as plain data, for comparing with what an
 * import would write. Read with js-yaml's core schema, which resolves the same
 * scalars as the loader's YAML 1.2 core schema and takes a fraction of the
 * time of a yaml Document (a re-import reads every imported record).
 */
export function recordData(yaml: string): Record<string, unknown> | undefined {
  let data: unknown;
  try {
    data = load(yaml, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}
