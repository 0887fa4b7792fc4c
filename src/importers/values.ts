/**
 * Parameters and metrics as tools store them, turned into what the run schema
 * wants: scalars by name, nested configs dotted, numbers only.
 */
export type Scalar = string | number | boolean;

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/**
 * A parameter logged as text (MLflow stores every parameter so) as the number
 * or boolean it spells, or else the text. "007" stays text, and integers past
 * 2^53 too, so that nothing is changed by reading it.
 */
export function scalarFromText(text: string): Scalar {
  if (NUMBER.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value))) return value;
  }
  if (/^(?:true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  return text;
}

/**
 * Nested configuration as dotted scalar parameters ("optimizer.lr"); lists are
 * kept as JSON text, nulls are left out.
 */
export function flattenParameters(value: Record<string, unknown>, prefix = '', into: Record<string, Scalar> = {}): Record<string, Scalar> {
  for (const [key, inner] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (inner === null || inner === undefined) continue;
    if (typeof inner === 'string' || typeof inner === 'boolean') into[name] = inner;
    else if (typeof inner === 'number') into[name] = Number.isFinite(inner) ? inner : String(inner);
    else if (Array.isArray(inner)) into[name] = JSON.stringify(inner);
    else if (typeof inner === 'object') flattenParameters(inner as Record<string, unknown>, name, into);
  }
  return into;
}

/**
 * Numeric leaves of a summary or metrics file as metric name → value.
 * "_"-prefixed bookkeeping (_step, _runtime) and logged media (objects with a
 * "_type", whose width and height are not metrics) are left out.
 */
export function numericLeaves(value: Record<string, unknown>, prefix = '', into: Record<string, number> = {}): Record<string, number> {
  if ('_type' in value) return into;
  for (const [key, inner] of Object.entries(value)) {
    if (key.startsWith('_')) continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof inner === 'number' && Number.isFinite(inner)) into[name] = inner;
    else if (inner && typeof inner === 'object' && !Array.isArray(inner)) numericLeaves(inner as Record<string, unknown>, name, into);
  }
  return into;
}

/** A value a metadata file states as text: a non-empty string, trimmed, or a number as YAML reads an unquoted version. */
export function statedText(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
