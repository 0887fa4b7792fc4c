/**
 * Reads a catalog file as text, refusing what would change or leak data
 * silently: bytes that are not UTF-8 (decoding would swap them for U+FFFD),
 * a file far larger than any record (read before anything could object), and
 * a symbolic link that leads out of the catalog (its target would be published).
 */
import { readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import type { Position } from '../diagnostics/problem.ts';
import type { ProblemCode } from '../diagnostics/codes.ts';

export interface ReadError extends Position {
  code: Extract<ProblemCode, 'not-utf8' | 'file-too-large' | 'outside-catalog'>;
  message: string;
}

/** Records and settings are a few kilobytes; a long model card is a few hundred. */
export const MAX_RECORD_BYTES = 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });
const REPLACEMENT = '\uFFFD';

/** Line and column (in characters) of the first byte that is not UTF-8, or undefined if all are. */
export function firstInvalidByte(bytes: Uint8Array): (Position & { byte: number }) | undefined {
  try {
    decoder.decode(bytes);
    return undefined;
  } catch {
    // Up to the first bad byte every character decodes as written, so their UTF-8 lengths add up to its offset.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    let offset = 0;
    let line = 1;
    let column = 1;
    for (const char of lenient) {
      if (char === REPLACEMENT && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) break;
      offset += Buffer.byteLength(char);
      if (char === '\n') {
        line++;
        column = 1;
      } else column++;
    }
    return { line, column, byte: bytes[offset]! };
  }
}

export function decodeUtf8(bytes: Uint8Array): { text: string; error?: undefined } | { text?: undefined; error: ReadError } {
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    // Decoded once; only a file that is not UTF-8 is gone through again, to say where.
    const invalid = firstInvalidByte(bytes)!;
    const byte = `0x${invalid.byte.toString(16).toUpperCase().padStart(2, '0')}`;
    return { error: { code: 'not-utf8', line: invalid.line, column: invalid.column, message: `not UTF-8 (byte ${byte})` } };
  }
}

export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/** Where `path` really is, if a symbolic link (of the file or a folder above it) leads outside `root`, a real path. */
export function linkOutside(root: string, path: string): string | undefined {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return `${readlinkSync(path)}, which does not exist`;
  }
  return isInside(root, target) ? undefined : target;
}

/**
 * `inside` says the caller already knows the file is no link and its folder is
 * inside the catalog (from a directory listing), which saves resolving every
 * component of its path again.
 */
export function readCatalogFile(
  root: string,
  path: string,
  { maxBytes = MAX_RECORD_BYTES, inside = false }: { maxBytes?: number; inside?: boolean } = {},
): { text: string; error?: undefined } | { text?: undefined; error: ReadError } {
  const outside = inside ? undefined : linkOutside(root, path);
  if (outside) return { error: { code: 'outside-catalog', line: 1, column: 1, message: `a symbolic link leads to ${outside}, outside the catalog` } };
  const { size } = statSync(path);
  if (size > maxBytes) {
    const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
    return { error: { code: 'file-too-large', line: 1, column: 1, message: `the file is ${megabytes(size)}; a catalog file may be at most ${megabytes(maxBytes)}` } };
  }
  return decodeUtf8(readFileSync(path));
}
