/**
 * Reading source files the way every importer needs: missing files and syntax
 * errors become located problems, large files are read as streams, and paths
 * named by a source are checked before they are followed.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fstatSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { LineCounter, parseDocument } from 'yaml';
import { displayPath } from '../catalog/load.ts';
import type { ImportProblem, Read } from './types.ts';

export { displayPath };

export function problemAt(path: string, message: string, extra: Partial<ImportProblem> = {}): ImportProblem {
  return { file: displayPath(path), message, ...extra };
}

export function readText(path: string, what = 'file'): Read<string> {
  if (!existsSync(path)) return { problems: [problemAt(path, `${what} not found`)] };
  if (!statSync(path).isFile()) return { problems: [problemAt(path, `${what} is not a file`)] };
  return { value: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') };
}

/** YAML text as plain data; every syntax error with its line. */
export function parseYaml(text: string, path: string): Read<unknown> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  if (document.errors.length) {
    return {
      problems: document.errors.map((error) =>
        problemAt(path, `YAML syntax: ${error.message.split('\n')[0]}`, { line: lineCounter.linePos(error.pos[0]).line }),
      ),
    };
  }
  return { value: document.toJS({ maxAliasCount: 100 }) };
}

export function readYaml(path: string, what = 'file'): Read<unknown> {
  const text = readText(path, what);
  return text.problems ? text : parseYaml(text.value, path);
}

export function parseJson(text: string, path: string): Read<unknown> {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    return { problems: [problemAt(path, `JSON syntax: ${message.replace(/ in JSON at position \d+.*$/, '')}`, { line })] };
  }
}

export function readJson(path: string, what = 'file'): Read<unknown> {
  const text = readText(path, what);
  return text.problems ? text : parseJson(text.value, path);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Why a path that a source names (an artifact, a DVC output) may not be
 * followed, or undefined when it is a plain relative path inside its folder.
 */
export function unsafePathReason(path: string): string | undefined {
  if (path === '' ) return 'is empty';
  if (isAbsolute(path) || /^[a-z]:[\\/]/i.test(path) || path.startsWith('\\')) return 'is absolute';
  if (path.split(/[\\/]/).includes('..')) return 'climbs out of its folder with ".."';
  return undefined;
}

/** A path with every symbolic link on the way followed, also where its last parts do not exist yet. */
function realPath(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
}

/** Whether `path`, with symbolic links followed, lies inside `folder`. */
export function staysInside(folder: string, path: string): boolean {
  const inside = relative(realPath(folder), realPath(path));
  return inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside));
}

/** Lines of a file, read as a stream: metric logs can be gigabytes. */
export async function* fileLines(path: string): AsyncGenerator<{ line: string; number: number }> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) yield { line, number: ++number };
}

const LINE_CHUNK = 1 << 20;

/**
 * Lines of a file read in 1 MiB chunks, for logs too many to read through
 * readline (a store of 10 million metric values): one string per line, never
 * the whole file.
 */
export function* fileLinesSync(path: string): Generator<string> {
  const descriptor = openSync(path, 'r');
  // Sized to the file where it is small: most metric files are a few kilobytes, and a store has thousands.
  const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(LINE_CHUNK, fstatSync(descriptor).size)));
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for (let read = readSync(descriptor, buffer, 0, buffer.length, null); read > 0; read = readSync(descriptor, buffer, 0, buffer.length, null)) {
      const text = rest + decoder.write(buffer.subarray(0, read));
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        yield text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
        start = end + 1;
      }
      rest = text.slice(start);
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(descriptor);
  }
}

/** SHA-256 of a file, read as a stream. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Epoch milliseconds as an ISO 8601 date-time in UTC, without milliseconds when they are zero. */
export function isoFromMillis(millis: number): string {
  return new Date(millis).toISOString().replace('.000Z', 'Z');
}
