/**
 * Plain JSON-LD values as the serializers build them, and the few helpers
 * that keep the output tidy: optional facts are written as `undefined` and
 * pruned here, so no document ever carries a null, an empty list or an empty
 * object (JSON-LD would silently drop those on expansion).
 */

export type JsonLdScalar = string | number | boolean;
export type JsonLdValue = JsonLdScalar | JsonLdNode | JsonLdValue[];
export interface JsonLdNode {
  [key: string]: JsonLdValue | undefined;
}

/** What a property may be given while building: a value, a list with gaps, or nothing. */
export type Maybe = JsonLdValue | undefined | Maybe[];

/** A reference to a node described elsewhere (or outside the document). */
export function ref(id: string): JsonLdNode {
  return { '@id': id };
}

function clean(value: Maybe): JsonLdValue | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.flatMap((item) => {
      const cleaned = clean(item);
      if (cleaned === undefined) return [];
      return Array.isArray(cleaned) ? cleaned : [cleaned];
    });
    return items.length ? items : undefined;
  }
  return value;
}

/** A node without its undefined properties and empty lists; nested lists are flattened. */
export function node(properties: Record<string, Maybe>): JsonLdNode {
  const result: JsonLdNode = {};
  for (const [key, value] of Object.entries(properties)) {
    const cleaned = clean(value);
    if (cleaned !== undefined) result[key] = cleaned;
  }
  return result;
}

/** Like `node`, for a list-valued property: always an array, or undefined when empty. */
export function list(...values: Maybe[]): JsonLdValue[] | undefined {
  const cleaned = clean(values);
  return Array.isArray(cleaned) ? cleaned : undefined;
}

/** The list without later repetitions of a node @id (the first description is kept). */
export function uniqueById(values: readonly JsonLdValue[]): JsonLdValue[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const id = isNode(value) ? value['@id'] : undefined;
    if (typeof id !== 'string') return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export function isNode(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, IRI-safe fragment made from a name, e.g. "train images.gz" → "train-images.gz". */
export function slug(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned || 'item';
}
