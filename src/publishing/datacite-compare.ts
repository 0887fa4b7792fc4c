/**
 * Has a record's DataCite metadata changed since it was registered? DataCite
 * answers with more than was sent (state, citation formats in `types`,
 * timestamps, empty lists for absent fields) and lowercases identifiers, so
 * the comparison asks only whether everything we would send is already there.
 */

/** Attributes that are not metadata: identity, state and schema bookkeeping. */
const IGNORED = new Set(['doi', 'prefix', 'event', 'state', 'schemaVersion']);
/** Optional attributes whose removal from a record is a change too. */
const OPTIONAL = ['version'];

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

const caseInsensitive = (key: string) => /identifier$|^doi$/i.test(key);

function matches(ours: unknown, theirs: unknown, key: string): boolean {
  if (ours === undefined) return true;
  if (Array.isArray(ours)) {
    if (isEmpty(theirs)) return ours.length === 0;
    return Array.isArray(theirs) && theirs.length === ours.length && ours.every((item, index) => matches(item, theirs[index], key));
  }
  if (ours !== null && typeof ours === 'object') {
    const other = (theirs ?? {}) as Record<string, unknown>;
    if (typeof other !== 'object') return false;
    return Object.entries(ours).every(([inner, value]) => matches(value, other[inner], inner));
  }
  if (isEmpty(theirs)) return isEmpty(ours);
  const [a, b] = [String(ours), String(theirs)];
  return caseInsensitive(key) ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** Names of the attributes whose value at DataCite differs from ours; [] when up to date. */
export function changedAttributes(ours: Record<string, unknown>, theirs: Record<string, unknown>): string[] {
  const changed = Object.keys(ours).filter((key) => !IGNORED.has(key) && !matches(ours[key], theirs[key], key));
  for (const key of OPTIONAL) {
    if (ours[key] === undefined && !isEmpty(theirs[key])) changed.push(key);
  }
  return changed;
}
