/**
 * YAML that would cost the build without bound or bend JavaScript objects,
 * each refused with one error before anything walks the data: aliases that
 * expand into millions of values (billion laughs), nesting past js-yaml's
 * depth limit, and keys such as __proto__ that objects treat specially.
 */
import type jsYaml from 'js-yaml';
import { visit, type Document } from 'yaml';

/** Keys that reach an object's prototype or constructor when code looks them up. */
export const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `yaml`'s own guard: refuses documents whose aliases expand far beyond their size. */
const MAX_ALIAS_COUNT = 100;

/** js-yaml stops nesting at its maxDepth (100) with this reason. */
export function isNestingLimit(error: jsYaml.YAMLException): boolean {
  return /^nesting exceeded maxDepth/.test(error.reason);
}

/** Offset of the first alias, if the document's aliases expand past the limit. */
export function aliasBombOffset(document: Document.Parsed): number | undefined {
  let first: number | undefined;
  visit(document, {
    Alias(_, node) {
      first = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  if (first === undefined) return undefined;
  try {
    document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return undefined;
  } catch (error) {
    if (error instanceof ReferenceError) return first;
    throw error;
  }
}

/** Paths of every reserved key in parsed YAML (js-yaml keeps __proto__ as an own key, so it is seen). */
export function reservedKeyPaths(value: unknown, path: (string | number)[] = [], found: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((item, index) => reservedKeyPaths(item, [...path, index], found));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (RESERVED_KEYS.has(key)) found.push([...path, key]);
      else reservedKeyPaths(item, [...path, key], found);
    }
  }
  return found;
}
