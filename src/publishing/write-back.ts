/**
 * Writes a minted DOI into a record file: `doi: 10.x/…` in a YAML record or
 * in a Markdown record's front matter. The `yaml` Document API finds where
 * the mapping is and whether `doi` is already there; the new line is spliced
 * into the original text, so every other byte (comments, quoting, folded
 * text, key order, line endings, byte order mark) stays as it was. The result
 * is parsed again and must equal the old data plus the DOI before it replaces
 * the file, atomically (temporary file + rename).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, LineCounter, parseDocument, stringify } from 'yaml';

export class WriteBackError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'WriteBackError';
  }
}

interface YamlPart {
  /** Offset of the YAML text in the file. */
  start: number;
  text: string;
}

const BOM = '\uFEFF';

/** The YAML of a record file: the whole file, or a Markdown file's front matter. */
function yamlPart(text: string, markdown: boolean, file: string): YamlPart {
  const start = text.startsWith(BOM) ? 1 : 0;
  if (!markdown) return { start, text: text.slice(start) };
  const opening = /^---[ \t]*\r?\n/.exec(text.slice(start));
  if (!opening) throw new WriteBackError(file, 'no "---" front matter block');
  const from = start + opening[0].length;
  const closing = /^---[ \t]*(?:\r?\n|$)/m.exec(text.slice(from));
  if (!closing) throw new WriteBackError(file, 'the front matter is not closed by "---"');
  return { start: from, text: text.slice(from, from + closing.index) };
}

/** The text with `doi: <doi>` added, or undefined if the file already has this DOI. */
export function withDoi(text: string, doi: string, options: { markdown: boolean; file?: string }): string | undefined {
  const file = options.file ?? 'record';
  const part = yamlPart(text, options.markdown, file);
  const lineCounter = new LineCounter();
  const document = parseDocument(part.text, { lineCounter, uniqueKeys: true });
  if (document.errors.length) throw new WriteBackError(file, `the YAML does not parse: ${document.errors[0]!.message.split('\n')[0]}`);
  const map = document.contents;
  if (!isMap(map) || map.flow) throw new WriteBackError(file, 'the YAML is not a block mapping of fields');

  const existing = map.get('doi', true);
  if (existing !== undefined) {
    const value = isScalar(existing) ? String(existing.value) : '';
    if (value.toLowerCase() === doi.toLowerCase()) return undefined;
    throw new WriteBackError(file, `already has doi ${value || '(not a text)'}; not replacing it with ${doi}`);
  }

  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const firstKey = map.items[0]?.key;
  const column = firstKey && isScalar(firstKey) && firstKey.range ? lineCounter.linePos(firstKey.range[0]).col - 1 : 0;
  const line = `${' '.repeat(column)}doi: ${stringify(doi).trimEnd()}${eol}`;
  // After the last field; a file without a final newline gets one first.
  const insertAt = part.start + part.text.length;
  const separator = part.text === '' || part.text.endsWith('\n') ? '' : eol;
  const updated = `${text.slice(0, insertAt)}${separator}${line}${text.slice(insertAt)}`;

  const before = document.toJS() as Record<string, unknown>;
  const after = parseDocument(yamlPart(updated, options.markdown, file).text).toJS() as Record<string, unknown>;
  if (!isDeepStrictEqual(after, { ...before, doi })) throw new WriteBackError(file, 'could not add the doi field safely; add it by hand');
  return updated;
}

/** Replaces a file's content atomically: a temporary file beside it, then rename. */
export function writeAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, { mode: statSync(path).mode, flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Adds the DOI to the record file; returns false if the file already had it. */
export function writeDoi(path: string, doi: string, file: string = path): boolean {
  const updated = withDoi(readFileSync(path, 'utf8'), doi, { markdown: extname(path) === '.md', file });
  if (updated === undefined) return false;
  writeAtomically(path, updated);
  return true;
}
