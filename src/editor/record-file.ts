/**
 * How the web editor reads and writes record files. Decap's own formats
 * re-serialize the whole front matter, dropping comments and reordering keys;
 * these keep the file as it was read (its text travels with the entry under
 * SOURCE_KEY) and rewrite only the top-level fields whose value the form
 * changed, in place, located by the `yaml` parser's source ranges: the other
 * fields keep every byte (comments, quoting, folding, order), and so does an
 * unchanged Markdown body. Runs in the browser (bundled into the admin
 * script) and in tests.
 */
import { Document, isMap, isScalar, parseDocument, type Node } from 'yaml';
import { splitRecordFile } from '../catalog/record-file.ts';
import type { RecordFormat } from './collections.ts';

/** The entry key holding the file's text as read; never written to the file. */
export const SOURCE_KEY = '__heliographSource';
const BODY_KEY = 'body';
const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

type Data = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Empty strings, nulls and empty lists or objects are what a form leaves in untouched optional fields. */
function pruned(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map(pruned).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).flatMap(([key, item]) => {
      const kept = pruned(item);
      return kept === undefined ? [] : [[key, kept] as const];
    });
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

function splitBody(tail: string): { closing: string; body: string } {
  const closing = /^---[ \t]*(?:\r?\n)?(?:\r?\n)?/.exec(tail)![0];
  return { closing, body: tail.slice(closing.length) };
}

export function readRecordFile(text: string, format: RecordFormat): Data {
  const parts = splitRecordFile(text, format);
  if (!parts) return { [BODY_KEY]: text, [SOURCE_KEY]: text };
  const fields = parseDocument(parts.yaml).toJS() as unknown;
  const data: Data = isPlainObject(fields) ? { ...fields } : {};
  if (format === 'markdown') data[BODY_KEY] = splitBody(parts.tail).body;
  data[SOURCE_KEY] = text;
  return data;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => sameValue(a[key], b[key]));
  }
  return a === b;
}

const renderFields = (fields: Data) => new Document(fields).toString(STRINGIFY);

/**
 * The YAML with each changed top-level field rewritten in place and every
 * other byte kept: a field the form left alone keeps its comments, quoting
 * and folding; one it changed is written anew where it stood.
 */
function updatedYaml(yaml: string, fields: Data, newline: string): string {
  const document = parseDocument(yaml);
  if (!isMap(document.contents)) return renderFields(fields);
  const lineEnd = (offset: number) => {
    const end = yaml.indexOf('\n', offset);
    return end < 0 ? yaml.length : end;
  };
  const edits: { start: number; end: number; text: string }[] = [];
  const seen = new Set<string>();
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !pair.key.range) continue;
    const key = pair.key.value;
    seen.add(key);
    const value = fields[key];
    const old = (pair.value as Node | null)?.toJSON?.() ?? (isScalar(pair.value) ? pair.value.value : null);
    if (sameValue(old, value)) continue;
    const start = pair.key.range[0];
    const last = (pair.value as Node | null)?.range?.[1] ?? pair.key.range[1];
    const end = lineEnd(Math.max(last - 1, start));
    if (value === undefined) edits.push({ start, end: Math.min(end + 1, yaml.length), text: '' });
    else edits.push({ start, end, text: renderFields({ [key]: value }).trimEnd().replace(/\n/g, newline) });
  }
  let text = yaml;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  const added = Object.fromEntries(Object.entries(fields).filter(([key]) => !seen.has(key)));
  if (!Object.keys(added).length) return text;
  if (text && !text.endsWith('\n')) text += newline;
  return text + renderFields(added).replace(/\n/g, newline);
}

/** Keys in the order the form lists its fields, keys the form does not know after them. */
function ordered(fields: Data, sortedKeys: readonly string[]): Data {
  const rank = (key: string) => (sortedKeys.includes(key) ? sortedKeys.indexOf(key) : sortedKeys.length);
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => rank(a) - rank(b)));
}

export function writeRecordFile(data: Data, format: RecordFormat, sortedKeys: readonly string[] = []): string {
  const { [SOURCE_KEY]: source, [BODY_KEY]: body, ...rest } = data;
  const fields = (pruned(rest) as Data | undefined) ?? {};
  const text = typeof body === 'string' ? body : '';
  const parts = typeof source === 'string' ? splitRecordFile(source, format) : undefined;
  if (!parts) {
    const yaml = new Document(ordered(fields, sortedKeys)).toString(STRINGIFY);
    return format === 'markdown' ? `---\n${yaml}---\n${text.trim() ? `\n${text.trimEnd()}\n` : ''}` : yaml;
  }
  const newline = /\r\n/.test(parts.yaml) ? '\r\n' : '\n';
  const written = updatedYaml(parts.yaml, fields, newline);
  if (format === 'yaml') return written;
  const { closing, body: oldBody } = splitBody(parts.tail);
  return `${parts.head}${written}${closing}${text === oldBody.replace(/\r\n/g, '\n') ? oldBody : text}`;
}
