/**
 * Who made an imported record. Tools know a user name at best; a record names
 * a person only where the catalog has one with exactly that name, so that no
 * one is credited by guess. Records whose schema demands creators get the
 * catalog's publisher until a person fills them in.
 */
import type { LoadedCatalog } from '../catalog/load.ts';
import { recordsOfType } from '../catalog/load.ts';

/** Id of the person whose name is exactly `name`, if there is one. */
export function personNamed(catalog: LoadedCatalog, name: string | undefined): string | undefined {
  if (!name) return undefined;
  return recordsOfType(catalog.records.values(), 'person').find((person) => person.data.name === name)?.id;
}

/** The `agents` of a run by the tool's user name; a note where nobody matches. */
export function runAgents(catalog: LoadedCatalog, user: string | undefined, tool: string, notes: string[]): string[] | undefined {
  if (!user) return undefined;
  const id = personNamed(catalog, user);
  if (id) return [id];
  notes.push(`${tool} user "${user}" is not the name of a person in the catalog: agents left out (add a person named so, or set agents by hand)`);
  return undefined;
}

/** Creators for records that must have some: the publisher stands in, with a note to replace it. */
export function standInCreators(catalog: LoadedCatalog, label: string, notes: string[]): string[] {
  const publisher = catalog.settings?.publisher;
  notes.push(`${label}: the source names no creators; the catalog publisher "${publisher ?? '?'}" stands in until you name them`);
  return publisher ? [publisher] : [];
}
