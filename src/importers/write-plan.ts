/**
 * Applies an import plan to a catalog, all of it or nothing: ids are assigned,
 * every file's new text is computed (re-imports merged field by field, see
 * provenance.ts), attachments are streamed to a scratch folder, the catalog
 * with the import laid over it is checked in a temporary copy, and only then
 * are the files moved into place (commit.ts).
 */
import { createHash } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { displayPath } from '../catalog/load.ts';
import { importedFromSchema } from '../schema/common/imported-from.ts';
import { recordTypes } from '../schema/index.ts';
import { indexCatalog, type CatalogIndex } from './catalog-index.ts';
import { newErrors } from './check-staged.ts';
import { commitFiles, linkOrCopy, type FileWrite } from './commit.ts';
import { assignIds, resolveRefs, type AssignedId } from './ids.ts';
import { hashValue, mergeFields, PROVENANCE_FIELD, provenanceOf, type HashOf } from './provenance.ts';
import { recordData, renderNewRecord, splitRecordFile, updateRecordYaml } from './record-text.ts';
import { sha256OfFile, staysInside } from './source-files.ts';
import type { ImportContext, ImportPlan, ImportProblem, PlannedRecord } from './types.ts';

export interface FileChange {
  /** The file as shown to users. */
  file: string;
  action: 'created' | 'updated' | 'unchanged';
  /** Fields added, changed or removed by this import. */
  changed: string[];
  /** Fields a person edited, which the import left alone. */
  kept: string[];
  /** Imported fields a person deleted, which the import did not bring back. */
  keptRemoved: string[];
}

export interface WriteOutcome {
  /** Whether the catalog was changed (false on problems and on a dry run). */
  written: boolean;
  problems: ImportProblem[];
  changes: FileChange[];
}

interface Prepared {
  changes: FileChange[];
  /** Finished files, by target path in the catalog. */
  writes: Map<string, { text?: string; staged?: string }>;
  problems: ImportProblem[];
}

/** Streams chunks to a file, returning its SHA-256. */
async function writeChunks(chunks: AsyncIterable<string>, path: string): Promise<string> {
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(Readable.from(chunks), hashing, createWriteStream(path));
  return hash.digest('hex');
}

interface StagedAttachment {
  /** File name beside the record, which its field is set to. */
  name: string;
  target: string;
  staged: string;
  digest: string;
}

/** Writes a record's attachments to the scratch folder, by field; their content is part of their field's hash. */
async function stageAttachments(record: PlannedRecord, id: string, target: string, scratch: string): Promise<Map<string, StagedAttachment>> {
  const staged = new Map<string, StagedAttachment>();
  for (const attachment of record.attachments ?? []) {
    const name = `${id}${attachment.suffix}`;
    // Ids are unique, so the file name is unique in the scratch folder too.
    const path = attachment.file?.path ?? join(scratch, `attachment-${name}`);
    const digest = attachment.file?.sha256 ?? (await writeChunks(attachment.chunks(), path));
    staged.set(attachment.field, { name, target: join(dirname(target), name), staged: path, digest });
  }
  return staged;
}

/** SHA-256 of a file a record names beside itself, if it exists inside the catalog. */
async function digestBeside(root: string, recordPath: string, name: string): Promise<string | undefined> {
  const path = resolve(dirname(recordPath), name);
  return staysInside(root, path) && existsSync(path) ? sha256OfFile(path) : undefined;
}

/**
 * The report for a record whose source did not change: unchanged, with the
 * fields a person edited or deleted since, told by their recorded hashes
 * (a field naming a file beside the record hashes with the file's content).
 */
async function unchangedSource(root: string, target: string, file: string): Promise<FileChange> {
  const change: FileChange = { file, action: 'unchanged', changed: [], kept: [], keptRemoved: [] };
  const parts = splitRecordFile(readFileSync(target, 'utf8'), target.endsWith('.md') ? 'markdown' : 'yaml');
  const current = parts && recordData(parts.yaml);
  const recorded = importedFromSchema.safeParse(current?.[PROVENANCE_FIELD]).data?.fields ?? {};
  for (const [field, hash] of Object.entries(recorded)) {
    const value = current?.[field];
    if (value === undefined) change.keptRemoved.push(field);
    else if (hashValue(value) === hash) continue;
    else if (typeof value !== 'string' || hashValue({ path: value, sha256: await digestBeside(root, target, value) }) !== hash) change.kept.push(field);
  }
  return change;
}

function targetPath(root: string, record: PlannedRecord, assigned: AssignedId): string {
  if (assigned.existing) return assigned.existing.path;
  const { folder, extensions } = recordTypes[record.type];
  return join(root, folder, `${assigned.id}${extensions[0]}`);
}

async function prepareRecord(
  root: string,
  scratch: string,
  record: PlannedRecord,
  assigned: AssignedId,
  prepared: Prepared,
  assignedIds: ReadonlyMap<string, AssignedId>,
): Promise<void> {
  const target = targetPath(root, record, assigned);
  const file = displayPath(target);
  if (!staysInside(root, target)) {
    prepared.problems.push({ file, message: 'would be written outside the catalog folder' });
    return;
  }
  // People and organizations that exist are referred to, never rewritten.
  if (!record.origin && assigned.existing) return;
  // A source the record was imported from as it is now: nothing to merge, and the importer did not read it again.
  if (record.sourceUnchanged && assigned.existing?.source === record.sourceDigest) {
    prepared.changes.push(await unchangedSource(root, target, file));
    return;
  }
  const kind = record.type === 'person' || record.type === 'organization' || target.endsWith('.yaml') || target.endsWith('.yml') ? 'yaml' : 'markdown';
  const fields = resolveRefs(record.fields, assignedIds) as Record<string, unknown>;

  const attachments = await stageAttachments(record, assigned.id, target, scratch);
  for (const [field, attachment] of attachments) fields[field] = attachment.name;

  if (!record.origin) {
    prepared.writes.set(target, { text: renderNewRecord(fields, kind) });
    prepared.changes.push({ file, action: 'created', changed: Object.keys(fields), kept: [], keptRemoved: [] });
    return;
  }

  let current: Record<string, unknown> | undefined;
  let parts: ReturnType<typeof splitRecordFile>;
  if (assigned.existing) {
    parts = splitRecordFile(readFileSync(target, 'utf8'), kind);
    current = parts && recordData(parts.yaml);
    if (!parts || !current) {
      prepared.problems.push({ file, message: 'this imported record does not parse; fix its front matter, then import again' });
      return;
    }
  }
  const currentDigests = new Map<string, string | undefined>();
  for (const field of attachments.keys()) {
    const value = current?.[field];
    if (typeof value === 'string') currentDigests.set(value, await digestBeside(root, target, value));
  }
  const hashOf: HashOf = (field, value, side) => {
    const attachment = attachments.get(field);
    if (!attachment || typeof value !== 'string') return hashValue(value);
    return hashValue({ path: value, sha256: side === 'imported' ? attachment.digest : currentDigests.get(value) });
  };
  // A provenance block a person broke counts as none: every field is then theirs unless it says what the source says.
  const previous = importedFromSchema.safeParse(current?.[PROVENANCE_FIELD]).data;
  const merge = mergeFields(fields, current, previous, hashOf);
  const provenance = provenanceOf(record.origin.tool, record.origin.id, merge.hashes, record.sourceDigest);
  const changed = merge.decisions.filter(({ action }) => ['added', 'updated', 'removed'].includes(action)).map(({ field }) => field);
  const change: FileChange = {
    file,
    action: current ? 'updated' : 'created',
    changed,
    kept: merge.decisions.filter(({ action }) => action === 'kept-edited').map(({ field }) => field),
    keptRemoved: merge.decisions.filter(({ action }) => action === 'kept-removed').map(({ field }) => field),
  };
  if (current && parts) {
    if (changed.length === 0 && hashValue(provenance) === hashValue(current[PROVENANCE_FIELD])) change.action = 'unchanged';
    else prepared.writes.set(target, { text: parts.head + updateRecordYaml(parts.yaml, { ...merge, provenance }) + parts.tail });
  } else {
    prepared.writes.set(target, { text: renderNewRecord({ ...fields, [PROVENANCE_FIELD]: provenance }, kind, record.body) });
  }
  prepared.changes.push(change);
  for (const [field, attachment] of attachments) {
    if (!(field in merge.set)) continue;
    prepared.writes.set(attachment.target, { staged: attachment.staged });
    const existed = existsSync(attachment.target);
    prepared.changes.push({ file: displayPath(attachment.target), action: existed ? 'updated' : 'created', changed: [], kept: [], keptRemoved: [] });
  }
}

/** Computes every file of the plan and checks the result; writes nothing. */
async function prepare(root: string, plan: ImportPlan, scratch: string, options: WriteOptions): Promise<Prepared> {
  const { progress } = options;
  const prepared: Prepared = { changes: [], writes: new Map(), problems: [] };
  const assigned = assignIds(plan.records, options.index ?? indexCatalog(root));
  for (const [index, record] of plan.records.entries()) {
    progress?.(index, plan.records.length, 'records prepared');
    await prepareRecord(root, scratch, record, assigned.get(record.key)!, prepared, assigned);
  }
  progress?.(plan.records.length, plan.records.length, 'records prepared');
  if (prepared.problems.length || prepared.writes.size === 0) return prepared;
  const staged = join(scratch, 'catalog');
  cpSync(root, staged, { recursive: true });
  for (const [target, write] of prepared.writes) {
    const path = join(staged, relative(root, target));
    mkdirSync(dirname(path), { recursive: true });
    if (write.text !== undefined) writeFileSync(path, write.text);
    else linkOrCopy(write.staged!, path);
  }
  prepared.problems.push(...newErrors(root, staged));
  return prepared;
}

type Progress = NonNullable<ImportContext['progress']>;

export interface WriteOptions {
  dryRun?: boolean;
  progress?: Progress;
  /** The catalog's index, where the caller has read it already. */
  index?: CatalogIndex;
}

export async function writePlan(folder: string, plan: ImportPlan, options: WriteOptions = {}): Promise<WriteOutcome> {
  const root = resolve(folder);
  const scratch = mkdtempSync(join(tmpdir(), 'heliograph-import-'));
  try {
    const prepared = await prepare(root, plan, scratch, options);
    const outcome = { problems: prepared.problems, changes: prepared.changes };
    if (prepared.problems.length || options.dryRun || prepared.writes.size === 0) return { written: false, ...outcome };
    const writes: FileWrite[] = [...prepared.writes].map(([target, write]) => {
      if (write.text === undefined) return { target, source: write.staged! };
      const source = join(scratch, `text-${relative(root, target).replaceAll('/', '_')}`);
      writeFileSync(source, write.text);
      return { target, source };
    });
    commitFiles(writes);
    return { written: true, ...outcome };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
