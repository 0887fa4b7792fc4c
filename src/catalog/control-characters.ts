/**
 * C0 control characters (other than tab and line breaks) are forbidden in HTML
 * and XML. They come in with text pasted from other tools; they are removed
 * when a record is read, once, with a warning naming where they were.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const HAS_FORBIDDEN = new RegExp(FORBIDDEN.source);

/** Whether YAML text can parse into a string with a forbidden character: it holds one, or an escape that may write one. */
export function mayHoldControlCharacters(yamlText: string): boolean {
  return yamlText.includes('\\') || HAS_FORBIDDEN.test(yamlText);
}

export interface Removal {
  /** Path of the field whose text held them; empty for the Markdown body. */
  path: (string | number)[];
  characters: string[];
}

function codePoints(found: string[]): string[] {
  return [...new Set(found)].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

export function withoutControlCharacters(text: string): { text: string; removed: string[] } {
  const found = text.match(FORBIDDEN);
  return found ? { text: text.replace(FORBIDDEN, ''), removed: codePoints(found) } : { text, removed: [] };
}

/** A copy of parsed YAML with every string cleaned, and where something was removed. */
export function cleanStrings(value: unknown, removals: Removal[], path: (string | number)[] = []): unknown {
  if (typeof value === 'string') {
    const { text, removed } = withoutControlCharacters(value);
    if (removed.length) removals.push({ path, characters: removed });
    return text;
  }
  if (Array.isArray(value)) return value.map((item, index) => cleanStrings(item, removals, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanStrings(item, removals, [...path, key])]));
  }
  return value;
}
