/**
 * Record ids for imported records: readable (from run and model names),
 * stable (an imported record keeps the id it got the first time) and unique
 * across the catalog (a suffix where two sources share a name).
 */
import { isRecordId } from '../schema/common/identifiers.ts';
import { originKey, type CatalogIndex, type ExistingRecord } from './catalog-index.ts';
import { RecordRef, type PlannedRecord } from './types.ts';

const MAX_LENGTH = 60;

/** Lowercase a-z0-9 and single hyphens, e.g. "ResNet-18 (fine-tune) #3" → "resnet-18-fine-tune-3". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_LENGTH) return slug;
  const cut = slug.slice(0, MAX_LENGTH);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : MAX_LENGTH).replace(/-+$/, '');
}

export interface AssignedId {
  id: string;
  /** The record in the catalog this planned record updates (or, for an agent, reuses). */
  existing?: ExistingRecord;
}

/** Ids for every planned record, by plan key. */
export function assignIds(records: readonly PlannedRecord[], index: CatalogIndex): Map<string, AssignedId> {
  const assigned = new Map<string, AssignedId>();
  const taken = new Set(index.ids);
  // Matches first, so that a new record never takes the id an existing one keeps.
  for (const record of records) {
    const existing = record.origin
      ? index.byOrigin.get(originKey(record.origin.tool, record.origin.id))
      : index.agentsByName.get(record.name);
    if (existing && existing.type === record.type) assigned.set(record.key, { id: existing.id, existing });
  }
  for (const record of records) {
    if (assigned.has(record.key)) continue;
    const base = slugify(record.name) || slugify(`${record.origin?.tool ?? ''} ${record.type}`) || record.type;
    let id = isRecordId(base) ? base : record.type;
    for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
    taken.add(id);
    assigned.set(record.key, { id });
  }
  return assigned;
}

/** Planned field values with every RecordRef replaced by the id its record got. */
export function resolveRefs(value: unknown, assigned: ReadonlyMap<string, AssignedId>): unknown {
  if (value instanceof RecordRef) {
    const target = assigned.get(value.key);
    if (!target) throw new Error(`planned reference to "${value.key}", which the plan does not hold`);
    return target.id;
  }
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, assigned));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolveRefs(inner, assigned)]));
  }
  return value;
}
