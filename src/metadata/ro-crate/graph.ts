/**
 * The flat @graph of an RO-Crate: each entity once, by @id, its properties
 * literals or {"@id"} references. Builders add entities as they reference
 * them, so nothing is referenced without being described.
 */
import { isNode, node, type JsonLdNode, type JsonLdValue, type Maybe } from '../schema-org/jsonld.ts';

/** A type alias, not an interface, so that it is assignable to JSON-LD nodes. */
export type IdReference = { '@id': string };

export interface CrateEntity extends JsonLdNode {
  '@id': string;
  '@type': string | string[];
}

/** A one-element array as its element: RO-Crate 1.1's compact form, which rocrate-validator checks. */
function single<Value>(value: Value | Value[]): Value | Value[] {
  return Array.isArray(value) && value.length === 1 ? value[0]! : value;
}

/** An entity with @id and @type first, its unset properties left out and singleton arrays unwrapped. */
export function entity(id: string, type: string | string[], properties: Record<string, Maybe> = {}): CrateEntity {
  const values = Object.entries(node(properties)).map(([key, value]) => [key, single(value)]);
  return { '@id': id, '@type': single(type), ...Object.fromEntries(values) };
}

export class CrateGraph {
  private readonly entities = new Map<string, CrateEntity>();

  /**
   * Describes an entity and returns a reference to it. An entity described
   * twice (a dataset used by two runs) keeps its first description and gains
   * whatever properties the later one adds.
   */
  add(entity: CrateEntity): IdReference {
    const existing = this.entities.get(entity['@id']);
    if (!existing) this.entities.set(entity['@id'], entity);
    else for (const [key, value] of Object.entries(entity)) if (existing[key] === undefined) existing[key] = value;
    return { '@id': entity['@id'] };
  }

  has(id: string): boolean {
    return this.entities.has(id);
  }

  get(id: string): CrateEntity | undefined {
    return this.entities.get(id);
  }

  all(): CrateEntity[] {
    return [...this.entities.values()];
  }
}

export function types(entity: CrateEntity): string[] {
  return [entity['@type']].flat();
}

/** The @ids a property value references. */
export function referencedIds(value: JsonLdValue | undefined): string[] {
  return [value ?? []].flat().flatMap((item) => (isNode(item) && typeof item['@id'] === 'string' ? [item['@id']] : []));
}
