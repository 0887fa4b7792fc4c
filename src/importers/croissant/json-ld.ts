/**
 * Reading Croissant's compact JSON-LD without a JSON-LD processor: properties
 * under their plain or prefixed names, text as a string, a {"@value"} or a
 * language map, references as {"@id"}. Enough for the documents Croissant
 * tools write; the spec's context fixes the names.
 */
import { isRecord } from '../source-files.ts';

export type Node = Record<string, unknown>;

const PREFIXES = ['', 'sc:', 'schema:', 'cr:', 'dct:', 'https://schema.org/', 'http://schema.org/', 'http://mlcommons.org/croissant/'];

export function property(node: Node, name: string): unknown {
  for (const prefix of PREFIXES) if (`${prefix}${name}` in node) return node[`${prefix}${name}`];
  return undefined;
}

export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function nodes(value: unknown): Node[] {
  return list(value).filter(isRecord);
}

/** Text in the document's language (else English, else the first given). */
export function text(value: unknown, language: string): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const values = value.filter((item) => text(item, language) !== undefined);
    const inLanguage = values.find((item) => isRecord(item) && item['@language'] === language);
    return text(inLanguage ?? values[0], language);
  }
  if (!isRecord(value)) return undefined;
  if ('@value' in value) return text(value['@value'], language);
  const map = value as Record<string, unknown>;
  return text(map[language] ?? map['en'] ?? Object.values(map)[0], language);
}

/** Ids a reference names: {"@id"}, a plain string, or Croissant's {fileObject|fileSet: {"@id"}}. */
export function ids(value: unknown): string[] {
  return list(value).flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (!isRecord(item)) return [];
    if (typeof item['@id'] === 'string') return [item['@id']];
    return ids(item['fileObject'] ?? item['fileSet']);
  });
}

/** Whether a node's @type is one of the given terms, however the prefix is written. */
export function hasType(node: Node, ...terms: string[]): boolean {
  return list(node['@type']).some((type) => typeof type === 'string' && terms.some((term) => type === term || type.endsWith(`:${term}`) || type.endsWith(`/${term}`)));
}
