/**
 * What a pull request changes in the catalog: records added, removed,
 * changed (which fields), withdrawn, and the final metrics of changed runs.
 * Built as a structure first (diffCatalogs), rendered second (diff-report.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { displayPath, loadCatalog, type AnyRecord, type LoadedCatalog } from '../catalog/load.ts';
import { checkCatalog } from '../catalog/check.ts';
import { countBySeverity, type Problem } from '../diagnostics/problem.ts';
import { recordTypeNames, recordTypes, type RecordType } from '../schema/index.ts';
import { snapshotCatalog } from './git-snapshot.ts';

export interface RecordSummary {
  type: RecordType;
  id: string;
  /** Title (name for people and organizations); absent if the file does not validate. */
  title?: string;
  /** The record's file, as shown to users. */
  file: string;
}

export interface ChangedRecord extends RecordSummary {
  /** Changed fields, one level deep for maps (metrics.accuracy); "body" for the Markdown text. */
  fields: string[];
  /** The file does not validate now (see the check). */
  invalid?: boolean;
}

export interface WithdrawnRecord extends ChangedRecord {
  date?: string;
  reason?: string;
}

export interface MetricChange {
  run: string;
  metric: string;
  old?: number;
  new?: number;
  /** new − old, when both exist. */
  delta?: number;
}

export interface CatalogDiff {
  /** The base revision as given, and the commit it resolved to. */
  base: { ref: string; commit: string };
  added: RecordSummary[];
  changed: ChangedRecord[];
  withdrawn: WithdrawnRecord[];
  removed: RecordSummary[];
  /** Final metric differences of changed and withdrawn runs. */
  metrics: MetricChange[];
  /** Changed fields of catalog.yaml. */
  settings: string[];
  bibliographyChanged: boolean;
  /** Errors in the working tree's catalog, which `check` reports in full. */
  errors: number;
}

/** Record files by id, valid or not, so an invalid file is "changed", not "removed". */
function recordFiles(root: string): Map<string, { type: RecordType; name: string }> {
  const files = new Map<string, { type: RecordType; name: string }>();
  for (const type of recordTypeNames) {
    const { folder, extensions } = recordTypes[type];
    const directory = join(root, folder);
    if (!existsSync(directory)) continue;
    for (const name of readdirSync(directory).sort()) {
      const extension = extname(name);
      if (name.startsWith('.') || !(extensions as readonly string[]).includes(extension)) continue;
      const id = name.slice(0, -extension.length);
      if (!files.has(id)) files.set(id, { type, name: `${folder}/${name}` });
    }
  }
  return files;
}

/** JSON with sorted keys, so key order in a file is not a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Top-level fields that differ; maps (metrics, parameters, status…) one level deeper. */
export function changedFields(old: Record<string, unknown>, current: Record<string, unknown>): string[] {
  const fields: string[] = [];
  for (const key of [...new Set([...Object.keys(old), ...Object.keys(current)])].sort()) {
    const [before, after] = [old[key], current[key]];
    if (canonical(before) === canonical(after)) continue;
    if (isPlainObject(before) && isPlainObject(after)) {
      for (const inner of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
        if (canonical(before[inner]) !== canonical(after[inner])) fields.push(`${key}.${inner}`);
      }
    } else fields.push(key);
  }
  return fields;
}

function titleOf(record: AnyRecord): string {
  const data = record.data as { title?: string; name?: string };
  return data.title ?? data.name ?? record.id;
}

function metricHistoryText(record: AnyRecord): string | undefined {
  if (record.type !== 'run' || !record.data.metricHistory) return undefined;
  const path = join(record.path, '..', record.data.metricHistory);
  return existsSync(path) ? readFileSync(path, 'utf8').replace(/\r\n?/g, '\n') : undefined;
}

function recordChanges(old: AnyRecord, current: AnyRecord): string[] {
  const fields = changedFields(old.data as Record<string, unknown>, current.data as Record<string, unknown>);
  if (old.type !== current.type) fields.unshift('type');
  if (old.body.trim() !== current.body.trim()) fields.push('body');
  const [before, after] = [metricHistoryText(old), metricHistoryText(current)];
  if (before !== after && !fields.includes('metricHistory')) fields.push('metricHistory (CSV)');
  return fields;
}

function metricChanges(old: AnyRecord, current: AnyRecord): MetricChange[] {
  if (old.type !== 'run' || current.type !== 'run') return [];
  const [before, after] = [old.data.metrics ?? {}, current.data.metrics ?? {}];
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .sort()
    .filter((metric) => before[metric] !== after[metric])
    .map((metric) => {
      const [oldValue, newValue] = [before[metric], after[metric]];
      const delta = oldValue !== undefined && newValue !== undefined ? Number((newValue - oldValue).toPrecision(12)) : undefined;
      return { run: current.id, metric, old: oldValue, new: newValue, delta };
    });
}

function isWithdrawn(record: AnyRecord | undefined): boolean {
  return (record?.data as { status?: { state?: string } } | undefined)?.status?.state === 'withdrawn';
}

export interface DiffInput {
  base: LoadedCatalog;
  head: LoadedCatalog;
  /** Every problem of the head catalog, cross-record rules included. */
  headProblems: readonly Problem[];
  /** The working tree's catalog folder as shown to users. */
  label: string;
  ref: CatalogDiff['base'];
}

/** Compares two loaded catalogs. */
export function diffCatalogs({ base, head, headProblems, label, ref }: DiffInput): CatalogDiff {
  const [baseFiles, headFiles] = [recordFiles(base.root), recordFiles(head.root)];
  const show = (name: string) => (label ? `${label}/${name}` : name);
  const diff: CatalogDiff = {
    base: ref,
    added: [],
    changed: [],
    withdrawn: [],
    removed: [],
    metrics: [],
    settings: changedFields((base.settings ?? {}) as Record<string, unknown>, (head.settings ?? {}) as Record<string, unknown>),
    bibliographyChanged: (base.bibliography ?? '').trim() !== (head.bibliography ?? '').trim(),
    errors: countBySeverity(headProblems).error,
  };
  for (const [id, file] of headFiles) {
    const current = head.records.get(id);
    const summary: RecordSummary = { type: current?.type ?? file.type, id, title: current && titleOf(current), file: show(file.name) };
    if (!baseFiles.has(id)) {
      diff.added.push(summary);
      continue;
    }
    const old = base.records.get(id);
    if (!current || !old) {
      // One side does not validate: the check names the problems.
      if (!current) diff.changed.push({ ...summary, title: old && titleOf(old), fields: [], invalid: true });
      else diff.changed.push({ ...summary, fields: ['(the base version did not validate)'] });
      continue;
    }
    const fields = recordChanges(old, current);
    if (fields.length === 0) continue;
    diff.metrics.push(...metricChanges(old, current));
    if (isWithdrawn(current) && !isWithdrawn(old)) {
      const status = (current.data as { status?: { date?: string; reason?: string } }).status;
      diff.withdrawn.push({ ...summary, fields, date: status?.date, reason: status?.reason });
    } else diff.changed.push({ ...summary, fields });
  }
  for (const [id, file] of baseFiles) {
    if (headFiles.has(id)) continue;
    const old = base.records.get(id);
    diff.removed.push({ type: old?.type ?? file.type, id, title: old && titleOf(old), file: show(file.name) });
  }
  return diff;
}

/** Compares the catalog folder at a git revision with the working tree. */
export function diffAgainst(folder: string, ref: string): CatalogDiff {
  const snapshot = snapshotCatalog(folder, ref);
  try {
    const { catalog: head, problems } = checkCatalog(folder);
    const label = displayPath(resolve(folder));
    return diffCatalogs({ base: loadCatalog(snapshot.root), head, headProblems: problems, label, ref: { ref, commit: snapshot.commit } });
  } finally {
    snapshot.remove();
  }
}

export function isEmpty(diff: CatalogDiff): boolean {
  return (
    diff.added.length + diff.changed.length + diff.withdrawn.length + diff.removed.length + diff.settings.length === 0 &&
    !diff.bibliographyChanged
  );
}
