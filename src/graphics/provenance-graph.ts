/**
 * Lays out a lineage with dagre (left to right, sources first) into positioned
 * boxes and edge paths; the SVG component only draws them. Done at build time,
 * so readers need no JavaScript to see it.
 */
import dagre from '@dagrejs/dagre';
import type { Lineage } from '../catalog/lineage.ts';
import type { RecordLink } from '../views/links.ts';

export interface GraphNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Text lines of the label, already wrapped. */
  lines: string[];
  kind: string;
  href: string;
  focus: boolean;
}

export interface GraphEdge {
  path: string;
  label: string;
  from: string;
  to: string;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  hidden: number;
}

const NODE_WIDTH = 170;
const LINE_HEIGHT = 15;
const CHARS_PER_LINE = 24;
const MAX_LINES = 3;
const MARGIN = 8;

/** Greedy word wrap; long titles end with an ellipsis (the full title is in the node's <title>). */
export function wrap(text: string, width = CHARS_PER_LINE, maxLines = MAX_LINES): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.map((entry) => (entry.length > width ? `${entry.slice(0, width - 1)}…` : entry));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, width - 1)}…`;
  return kept;
}

interface Geometry {
  boxes: { x: number; y: number; width: number; height: number }[];
  routes: { x: number; y: number }[][];
}

/**
 * Laid-out geometry by graph shape (node heights in order, edges as index
 * pairs): pages whose lineage has the same shape, as the records of one small
 * component or of copied experiments do, share one dagre run. Bounded, so a
 * catalog of unique shapes does not hold every layout.
 */
const geometries = new Map<string, Geometry>();
const MAX_GEOMETRIES = 2000;

function layoutGeometry(heights: number[], edges: [number, number][]): Geometry {
  const key = `${heights.join(',')}|${edges.map(([from, to]) => `${from}-${to}`).join(',')}`;
  const cached = geometries.get(key);
  if (cached) return cached;
  const graph = new dagre.graphlib.Graph({ multigraph: false });
  graph.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 56, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  heights.forEach((height, index) => graph.setNode(String(index), { width: NODE_WIDTH, height }));
  for (const [from, to] of edges) graph.setEdge(String(from), String(to));
  dagre.layout(graph);
  const geometry: Geometry = {
    boxes: heights.map((_, index) => graph.node(String(index)) as Geometry['boxes'][number]),
    routes: edges.map(([from, to]) => (graph.edge(String(from), String(to)) as { points: Geometry['routes'][number] }).points),
  };
  if (geometries.size >= MAX_GEOMETRIES) geometries.clear();
  geometries.set(key, geometry);
  return geometry;
}

export function layoutLineage(lineage: Lineage, describe: (id: string) => RecordLink & { kind: string }, focus?: string): GraphLayout {
  // Laid out in id order, not focus first, so every record of a lineage draws the same picture (and shares its layout).
  const ids = [...lineage.nodes].sort();
  const index = new Map(ids.map((id, position) => [id, position]));
  const lines = ids.map((id) => wrap(describe(id).title));
  const { boxes, routes } = layoutGeometry(
    lines.map((label) => 22 + label.length * LINE_HEIGHT),
    lineage.edges.map((edge) => [index.get(edge.from)!, index.get(edge.to)!]),
  );
  // dagre may route long edges outside the box it reports; frame everything that is drawn.
  const xs = [...boxes.flatMap((box) => [box.x - box.width / 2, box.x + box.width / 2]), ...routes.flat().map((point) => point.x)];
  const ys = [...boxes.flatMap((box) => [box.y - box.height / 2, box.y + box.height / 2]), ...routes.flat().map((point) => point.y)];
  const left = Math.min(...xs) - MARGIN;
  const top = Math.min(...ys) - MARGIN;
  const nodes = lineage.nodes.map((id): GraphNode => {
    const position = index.get(id)!;
    const box = boxes[position]!;
    const link = describe(id);
    return { id, x: box.x - box.width / 2 - left, y: box.y - box.height / 2 - top, width: box.width, height: box.height, lines: lines[position]!, kind: link.kind, href: link.href, focus: id === focus };
  });
  const edges = lineage.edges.map((edge, position): GraphEdge => {
    const path = routes[position]!.map((point, step) => `${step ? 'L' : 'M'}${(point.x - left).toFixed(1)},${(point.y - top).toFixed(1)}`).join(' ');
    return { path, label: edge.label, from: edge.from, to: edge.to };
  });
  return { width: Math.ceil(Math.max(...xs) - left + MARGIN), height: Math.ceil(Math.max(...ys) - top + MARGIN), nodes, edges, hidden: lineage.hidden };
}
