/**
 * Loads a catalog folder: settings, every record of every type, and the
 * bibliography. Each file is validated against its type's schema; whatever is
 * wrong becomes a located problem, and every valid record is kept.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { problem, type Problem } from '../diagnostics/problem.ts';
import { issuesToProblems } from '../diagnostics/zod-issues.ts';
import { isRecordId } from '../schema/common/identifiers.ts';
import { catalogSchema, recordTypes, recordTypeNames, type CatalogSettings, type RecordData, type RecordType } from '../schema/index.ts';
import { isInside, readCatalogFile, type ReadError } from './read-file.ts';
import { parseSource, type SourceFile } from './source.ts';

export interface CatalogRecord<T extends RecordType = RecordType> {
  type: T;
  id: string;
  /** Path as shown to users (relative to the working directory). */
  file: string;
  /** Absolute path of the file. */
  path: string;
  data: RecordData[T];
  body: string;
  source: SourceFile;
}

export type AnyRecord = { [T in RecordType]: CatalogRecord<T> }[RecordType];

export interface LoadedCatalog {
  root: string;
  settings?: CatalogSettings;
  settingsSource?: SourceFile;
  /** Valid records by id; a record whose file does not validate is absent and has problems. */
  records: Map<string, AnyRecord>;
  /**
   * Record files that exist but have errors, by the id their name gives: a reference
   * to one of them is not dangling, its own errors say what is wrong.
   */
  withErrors: Map<string, { type: RecordType; file: string }>;
  /** BibTeX text of references.bib, if the catalog has one. */
  bibliography?: string;
  /** references.bib exists but could not be read (its problem is reported). */
  bibliographyUnreadable?: boolean;
  problems: Problem[];
}

export const SETTINGS_FILE = 'catalog.yaml';
export const BIBLIOGRAPHY_FILE = 'references.bib';

export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown.startsWith('..') ? path : shown;
}

function validate<S extends z.ZodType>(schema: S, source: SourceFile): { data?: z.infer<S>; problems: Problem[] } {
  const result = schema.safeParse(source.data ?? {}, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  return { problems: issuesToProblems(result.error.issues, schema, source) };
}

const BIBLIOGRAPHY_MAX_BYTES = 16 * 1024 * 1024;

/** The file's text, or undefined with its one problem recorded. */
function readText(root: string, path: string, problems: Problem[], options?: Parameters<typeof readCatalogFile>[2]): string | undefined {
  const { text, error } = readCatalogFile(root, path, options);
  if (error) problems.push(readProblem(displayPath(path), error));
  return text;
}

function readProblem(file: string, { code, line, column, message }: ReadError): Problem {
  return problem({ code, file, field: '', line, column, message });
}

function readSettings(root: string, problems: Problem[]): Pick<LoadedCatalog, 'settings' | 'settingsSource'> {
  const path = join(root, SETTINGS_FILE);
  if (!existsSync(path)) {
    problems.push(problem({ code: 'catalog-missing', file: displayPath(path), field: '', message: `${SETTINGS_FILE} not found in ${displayPath(root) || '.'}` }));
    return {};
  }
  const text = readText(realRoot(root), path, problems);
  if (text === undefined) return {};
  const parsed = parseSource(displayPath(path), text, 'yaml');
  problems.push(...parsed.problems);
  if (!parsed.source) return {};
  const { data, problems: invalid } = validate(catalogSchema, parsed.source);
  problems.push(...invalid);
  return { settings: data, settingsSource: parsed.source };
}

interface RecordFile {
  path: string;
  /** A plain file in a folder that really is inside the catalog: no link to resolve. */
  inside: boolean;
}

function recordFiles(root: string, real: string, type: RecordType, problems: Problem[]): RecordFile[] {
  const { folder, extensions } = recordTypes[type];
  const directory = join(root, folder);
  if (!existsSync(directory)) return [];
  const folderInside = isInside(real, realpathSync(directory));
  const files: RecordFile[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    // A symbolic link is read like a file, where it stays inside the catalog.
    if (!(entry.isFile() || entry.isSymbolicLink()) || entry.name.startsWith('.')) continue;
    const extension = extname(entry.name);
    if ((extensions as readonly string[]).includes(extension)) files.push({ path: join(directory, entry.name), inside: folderInside && entry.isFile() });
    else if (!(type === 'run' && extension === '.csv')) {
      problems.push(
        problem({
          code: 'unexpected-file',
          file: displayPath(join(directory, entry.name)),
          field: '',
          message: `${folder}/ holds ${recordTypes[type].plural.toLowerCase()} as ${extensions.join(' or ')} files; this file would be ignored`,
          hint: `Rename it to ${entry.name.slice(0, entry.name.length - extension.length)}${extensions[0]} or move it out of ${folder}/.`,
        }),
      );
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What a file name could be renamed to: the id it most likely meant. */
function suggestedId(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function readRecord(root: string, type: RecordType, { path, inside }: RecordFile, problems: Problem[]): AnyRecord | undefined {
  const file = displayPath(path);
  const extension = extname(path);
  const id = path.slice(path.lastIndexOf('/') + 1, -extension.length);
  if (!isRecordId(id)) {
    const suggestion = suggestedId(id);
    problems.push(
      problem({
        code: 'invalid-id',
        file,
        field: '',
        message: `"${id}" is not a valid record id`,
        hint: isRecordId(suggestion) ? `Rename the file to ${suggestion}${extension}: ids are lowercase letters, digits and single hyphens.` : undefined,
      }),
    );
  }
  const text = readText(root, path, problems, { inside });
  if (text === undefined) return undefined;
  const parsed = parseSource(file, text, extension === '.md' ? 'markdown' : 'yaml');
  problems.push(...parsed.problems);
  if (!parsed.source) return undefined;
  const { data, problems: invalid } = validate(recordTypes[type].schema as z.ZodType, parsed.source);
  problems.push(...invalid);
  if (!data || !isRecordId(id)) return undefined;
  return { type, id, file, path, data, body: parsed.source.body, source: parsed.source } as AnyRecord;
}

/** The catalog folder with symbolic links resolved: what "inside the catalog" means. */
export function realRoot(root: string): string {
  return existsSync(root) ? realpathSync(root) : root;
}

export function loadCatalog(folder: string): LoadedCatalog {
  const root = resolve(folder);
  const real = realRoot(root);
  const problems: Problem[] = [];
  const { settings, settingsSource } = readSettings(root, problems);
  const records = new Map<string, AnyRecord>();
  const withErrors = new Map<string, { type: RecordType; file: string }>();
  const firstFileById = new Map<string, string>();
  for (const type of recordTypeNames) {
    for (const recordFile of recordFiles(root, real, type, problems)) {
      const { path } = recordFile;
      const record = readRecord(real, type, recordFile, problems);
      const id = path.slice(path.lastIndexOf('/') + 1, -extname(path).length);
      const first = firstFileById.get(id);
      if (first) {
        problems.push(
          problem({ code: 'duplicate-id', file: displayPath(path), field: '', message: `id "${id}" is already used by ${first}` }),
        );
        continue;
      }
      firstFileById.set(id, displayPath(path));
      if (record) records.set(id, record);
      else withErrors.set(id, { type, file: displayPath(path) });
    }
  }
  const bibliographyPath = join(root, BIBLIOGRAPHY_FILE);
  const bibliography = existsSync(bibliographyPath) ? readText(real, bibliographyPath, problems, { maxBytes: BIBLIOGRAPHY_MAX_BYTES }) : undefined;
  const bibliographyUnreadable = existsSync(bibliographyPath) && bibliography === undefined;
  return { root, settings, settingsSource, records, withErrors, bibliography, bibliographyUnreadable, problems };
}

export function recordsOfType<T extends RecordType>(records: Iterable<AnyRecord>, type: T): CatalogRecord<T>[] {
  return [...records].filter((record): record is CatalogRecord<T> & AnyRecord => record.type === type) as CatalogRecord<T>[];
}
