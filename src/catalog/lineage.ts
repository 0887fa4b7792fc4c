/**
 * Provenance as a directed graph from sources to what was made of them:
 * instrument → data → run → model, software → workflow → run, dataset →
 * derived dataset, base model → fine-tuned model.
 * Built from the relation table; a record's lineage is what lies upstream and
 * downstream of it, within a depth and size limit so large graphs stay readable.
 */
import { isExternal, type CatalogGraph, type Relation } from './graph.ts';
import type { RelationKind } from './relations.ts';

export interface LineageEdge {
  from: string;
  to: string;
  label: string;
}

export interface Lineage {
  /** Record ids and external DOIs/URLs, the focus first. */
  nodes: string[];
  edges: LineageEdge[];
  /** Nodes left out by the limits. */
  hidden: number;
}

/** Provenance relations, each oriented source → derived, with the edge's label. */
const flows: Partial<Record<RelationKind, { reverse: boolean; label: string }>> = {
  used: { reverse: true, label: 'used by' },
  generated: { reverse: false, label: 'generated' },
  generatedBy: { reverse: true, label: 'generated' },
  derivedFrom: { reverse: true, label: 'derived into' },
  fineTunedFrom: { reverse: true, label: 'fine-tuned into' },
  trainedOn: { reverse: true, label: 'trained' },
  collectedBy: { reverse: true, label: 'collected' },
  runSoftware: { reverse: true, label: 'run by' },
  stepSoftware: { reverse: true, label: 'run in' },
  runOf: { reverse: true, label: 'executed by' },
};

function toEdge(relation: Relation): LineageEdge | undefined {
  const flow = flows[relation.kind];
  if (!flow) return undefined;
  return flow.reverse ? { from: relation.to, to: relation.from, label: flow.label } : { from: relation.from, to: relation.to, label: flow.label };
}

function flowEdges(graph: CatalogGraph, id: string): LineageEdge[] {
  return [...graph.outgoing(id), ...(isExternal(id) ? [] : graph.incoming(id))].flatMap((relation) => toEdge(relation) ?? []);
}

export interface LineageLimits {
  depth: number;
  nodes: number;
}

export const defaultLimits: LineageLimits = { depth: 4, nodes: 40 };

/** Breadth-first upstream and downstream of `focus`, closest records first. */
export function lineageOf(graph: CatalogGraph, focus: string, limits: LineageLimits = defaultLimits): Lineage {
  const depthOf = new Map<string, number>([[focus, 0]]);
  const queue: { id: string; direction: 'up' | 'down' }[] = [
    { id: focus, direction: 'up' },
    { id: focus, direction: 'down' },
  ];
  const edges = new Map<string, LineageEdge>();
  const reached = new Set<string>([focus]);
  while (queue.length) {
    const { id, direction } = queue.shift()!;
    const depth = depthOf.get(id)!;
    if (depth >= limits.depth) continue;
    for (const edge of flowEdges(graph, id)) {
      const next = direction === 'up' ? (edge.to === id ? edge.from : undefined) : edge.from === id ? edge.to : undefined;
      if (!next) continue;
      reached.add(next);
      if (!depthOf.has(next) && depthOf.size < limits.nodes) {
        depthOf.set(next, depth + 1);
        queue.push({ id: next, direction });
      }
      if (depthOf.has(next)) edges.set(`${edge.from}→${edge.to}`, edge);
    }
  }
  return { nodes: [...depthOf.keys()], edges: [...edges.values()], hidden: reached.size - depthOf.size };
}

/** Every provenance edge among a set of records, e.g. all records of a project. */
export function lineageAmong(graph: CatalogGraph, ids: readonly string[], limit = 80): Lineage {
  const shown = new Set(ids.slice(0, limit));
  const edges = new Map<string, LineageEdge>();
  for (const id of shown) {
    for (const edge of flowEdges(graph, id)) if (shown.has(edge.from) && shown.has(edge.to)) edges.set(`${edge.from}→${edge.to}`, edge);
  }
  return { nodes: [...shown], edges: [...edges.values()], hidden: Math.max(0, ids.length - limit) };
}
