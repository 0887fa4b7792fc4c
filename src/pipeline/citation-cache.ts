/**
 * Formatted citations kept between builds. citeproc is the costliest step of
 * a build (about 5 ms a record for three styles), and an entry depends only on
 * the record's CSL item, the style and citeproc's version, so a rebuild
 * formats only the records whose citation changed. One file per kind of build
 * (whole site, shard i/n, preview), rewritten at the end of each with exactly
 * the entries it used, so it never holds more than its catalog needs.
 *
 * The folder is `.heliograph-cache/` in the working directory, or
 * HELIOGRAPH_CACHE; HELIOGRAPH_CACHE=off turns it off. CI keeps it between
 * runs with its cache step (see the workflow templates).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { citationStyles, citationStyleText, formatCslItems } from '../metadata/csl/format.ts';
import { cslItem } from '../metadata/csl/item.ts';
import type { MetadataContext, PublishedRecord } from '../metadata/types.ts';

export const CACHE_ENV = 'HELIOGRAPH_CACHE';
const DEFAULT_FOLDER = '.heliograph-cache';

const citeprocVersion = (createRequire(import.meta.url)('citeproc/package.json') as { version: string }).version;

export interface CitationCache {
  /** Every style's entry for each record, formatting only what the cache lacks. */
  format(records: readonly PublishedRecord[], context: MetadataContext): Map<string, string[]>;
  /** The entries used since opening, by key: another thread's cache saves them with its own. */
  used(): [string, string[]][];
  /** Writes the entries used since opening, and `alsoUsed` (another thread's); the cache file holds nothing else. */
  save(alsoUsed?: Iterable<[string, string[]]>): void;
  readonly hits: number;
  readonly misses: number;
}

export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env[CACHE_ENV] === 'off') return undefined;
  return resolve(env[CACHE_ENV] || DEFAULT_FOLDER);
}

/** `name` tells builds apart that cover different records (whole site, shard 3/8, preview). */
export function openCitationCache(folder: string | undefined, name: string): CitationCache {
  const file = folder && join(folder, `citations-${name.replace(/[^a-z0-9]+/gi, '-')}.json`);
  // Read when first needed: a thread that only saves another's entries never reads it.
  let cached: Map<string, string[]> | undefined;
  const known = () => {
    if (cached) return cached;
    cached = new Map();
    try {
      if (file) cached = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>));
    } catch {
      // No cache yet, or an unreadable one: everything is formatted afresh.
    }
    return cached;
  };
  const used = new Map<string, string[]>();
  const styleKey = createHash('sha256').update(citeprocVersion).update(citationStyles.map((style) => citationStyleText(style.id)).join('\0')).digest('hex');
  let hits = 0;
  let misses = 0;
  return {
    format(records, context) {
      const items = records.map((record) => cslItem(record, context));
      const keys = items.map((item) => createHash('sha256').update(styleKey).update(JSON.stringify(item)).digest('base64url'));
      const missing = items.filter((_, index) => !known().has(keys[index]!));
      const byStyle = citationStyles.map((style) => formatCslItems(missing, style.id));
      const entries = new Map<string, string[]>();
      records.forEach((record, index) => {
        const key = keys[index]!;
        let formatted = known().get(key);
        if (formatted) hits++;
        else {
          formatted = byStyle.map((style) => style.get(record.id)!);
          known().set(key, formatted);
          misses++;
        }
        used.set(key, formatted);
        entries.set(record.id, formatted);
      });
      return entries;
    },
    used: () => [...used],
    save(alsoUsed = []) {
      if (!folder || !file) return;
      mkdirSync(folder, { recursive: true });
      // Written aside and renamed, so that a build stopped midway leaves the last whole cache.
      writeFileSync(`${file}.tmp`, JSON.stringify(Object.fromEntries([...used, ...alsoUsed])));
      renameSync(`${file}.tmp`, file);
    },
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
  };
}
