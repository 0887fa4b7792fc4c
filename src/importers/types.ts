/**
 * The importer contract: an importer reads one source (a tracking folder, a
 * database, a model card, a Croissant file) and returns a plan of records to
 * create or update, or the problems that stop it. Importers never write;
 * write-plan.ts applies a plan to a catalog, all of it or nothing.
 */
import type { LoadedCatalog } from '../catalog/load.ts';
import type { ImportTool } from '../schema/common/imported-from.ts';
import type { RecordType } from '../schema/index.ts';

export type { ImportTool };

/** What is wrong with a source (or with the records it would make), located as well as the source allows. */
export interface ImportProblem {
  /** The source file (or catalog file) as shown to users. */
  file: string;
  line?: number;
  /** The offending key or field, where there is one. */
  field?: string;
  message: string;
  hint?: string;
}

/** A value in planned fields that names another planned record; resolved to its id when ids are assigned. */
export class RecordRef {
  readonly key: string;
  constructor(key: string) {
    this.key = key;
  }
}

export function ref(key: string): RecordRef {
  return new RecordRef(key);
}

/**
 * A file beside a record, written by streaming: a run's metric history. The
 * record field `field` is set to `<id><suffix>`, a path next to the record.
 */
export interface Attachment {
  field: string;
  suffix: string;
  /** The file's text, chunk by chunk, so that no large file is held as one string. */
  chunks(): AsyncIterable<string>;
  /** A finished file outside the catalog holding exactly that text, and its SHA-256: used in place, not written again. */
  file?: { path: string; sha256: string };
}

export interface PlannedRecord {
  /** Unique within the plan; RecordRefs point at it. */
  key: string;
  type: RecordType;
  /**
   * The source's own id. Records with an origin carry importedFrom and are
   * matched on re-import; people and organizations have none and are matched
   * by exact name, and never changed once they exist.
   */
  origin?: { tool: ImportTool; id: string };
  /** Human-readable name the record id is derived from, e.g. the run name. */
  name: string;
  /** Top-level fields in the order they are written; values may hold RecordRefs. */
  fields: Record<string, unknown>;
  /** Markdown body of a new file; an existing body is never rewritten. */
  body?: string;
  attachments?: Attachment[];
  /** Hash of the source files this record is read from (see sourceDigest), recorded as importedFrom.source. */
  sourceDigest?: string;
  /**
   * The source is what the catalog record was imported from (same sourceDigest):
   * the record is left as it is, and `fields` may be empty because the source was not read again.
   */
  sourceUnchanged?: boolean;
}

export interface ImportPlan {
  records: PlannedRecord[];
  /** What the reader should check or add by hand, printed after the changes. */
  notes: string[];
  /** Removes what the importer kept on disk for the plan (scratch files of attachments); called once the plan is applied or dropped. */
  dispose?: () => void;
}

export type PlanResult = { plan: ImportPlan; problems?: undefined } | { plan?: undefined; problems: ImportProblem[] };

export interface ImportContext {
  /** The catalog the records go into, as it is before the import. */
  catalog: LoadedCatalog;
  /** Existing project to attach records to, instead of one made from the source. */
  project?: string;
  /** Base URL where the source's artifacts are published, for output files. */
  filesUrl?: string;
  /** importedFrom.source of the catalog's record imported from `id`, if there is one: a reader may pass over a source that still has it. */
  importedSource?: (tool: ImportTool, id: string) => string | undefined;
  /** Told how far a long read has come (`done` of `total` items), for a progress line; optional. */
  progress?: (done: number, total: number, what: string) => void;
}

export interface Importer {
  name: ImportTool;
  /** What the source path is, for the usage text. */
  source: string;
  plan(path: string, context: ImportContext): Promise<PlanResult>;
}

export function failed(...problems: ImportProblem[]): PlanResult {
  return { problems };
}

/** Problems as values: a reader returns either a value or the problems found. */
export type Read<T> = { value: T; problems?: undefined } | { value?: undefined; problems: ImportProblem[] };
