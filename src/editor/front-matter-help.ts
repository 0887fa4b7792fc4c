/**
 * Front matter help in VS Code: the Astro language server gives completion,
 * hover and validation in a Markdown record when .astro/collections/collections.json
 * (written by `astro sync` with experimental.contentIntellisense) maps the
 * file to its collection, whose JSON Schema Astro generates from the zod
 * schema. Astro maps only the records the build loaded, which are the valid
 * ones; a new record, or one being fixed, is mapped here by its folder.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { recordTypes, type RecordType } from '../schema/index.ts';

export const COLLECTION_MANIFEST = join('.astro', 'collections', 'collections.json');

interface CollectionManifest {
  collections: { name: string; hasSchema: boolean }[];
  entries: Record<string, string>;
}

/** The language server's key for a file: its file URL, lower-cased as Astro writes it. */
const entryKey = (path: string) => pathToFileURL(path).href.toLowerCase();

/** Every Markdown file in the catalog's record folders, by key, with its collection (the folder). */
export function markdownRecordEntries(catalogRoot: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const type of Object.keys(recordTypes) as RecordType[]) {
    const { folder, extensions } = recordTypes[type];
    const directory = join(catalogRoot, folder);
    if (!(extensions as readonly string[]).includes('.md') || !existsSync(directory)) continue;
    for (const name of readdirSync(directory)) if (name.endsWith('.md')) entries[entryKey(join(directory, name))] = folder;
  }
  return entries;
}

/**
 * Adds the catalog's Markdown files to the manifest, if `astro sync` wrote
 * one (the language server watches it and reloads); returns whether it did.
 */
export function mapMarkdownRecords(projectRoot: string, catalogRoot: string): boolean {
  const file = join(projectRoot, COLLECTION_MANIFEST);
  if (!existsSync(file)) return false;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as CollectionManifest;
  manifest.entries = { ...manifest.entries, ...markdownRecordEntries(catalogRoot) };
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return true;
}
