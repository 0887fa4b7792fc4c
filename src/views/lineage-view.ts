/** The provenance graph of a record or a project, laid out, with its text alternative. */
import { lineageAmong, lineageOf, type Lineage } from '../catalog/lineage.ts';
import { layoutLineage, type GraphLayout } from '../graphics/provenance-graph.ts';
import type { Site } from '../site/site.ts';
import { linkTo } from './links.ts';

export interface LineageView {
  layout: GraphLayout;
  /** The same lineage as sentences, for screen readers and text browsers. */
  statements: { from: string; fromHref: string; label: string; to: string; toHref: string }[];
  title: string;
}

function describe(site: Site) {
  return (id: string) => {
    const link = linkTo(site, id);
    const kind = link.external ? 'external' : (site.catalog.records.get(id)?.type ?? 'external');
    return { ...link, kind };
  };
}

function view(site: Site, lineage: Lineage, title: string, focus?: string): LineageView | undefined {
  if (lineage.edges.length === 0) return undefined;
  const label = describe(site);
  return {
    layout: layoutLineage(lineage, label, focus),
    statements: lineage.edges.map((edge) => ({ from: label(edge.from).title, fromHref: label(edge.from).href, label: edge.label, to: label(edge.to).title, toHref: label(edge.to).href })),
    title,
  };
}

export function recordLineage(site: Site, id: string): LineageView | undefined {
  return view(site, lineageOf(site.graph, id), 'Lineage', id);
}

/** The project's records, and the records just outside it that they came from or fed. */
export function projectLineage(site: Site, projectId: string): LineageView | undefined {
  const members = site.graph.incoming(projectId, 'partOf').map((relation) => relation.from);
  const neighbours = members.flatMap((id) => lineageOf(site.graph, id, { depth: 1, nodes: 50 }).nodes);
  return view(site, lineageAmong(site.graph, [...new Set([...members, ...neighbours])]), 'Project lineage');
}
