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

export function layoutLineage(lineage: Lineage, describe: (id: string) => RecordLink & { kind: string }, focus?: string): GraphLayout {
  const graph = new dagre.graphlib.Graph({ multigraph: false });
  graph.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 56, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  const described = new Map(lineage.nodes.map((id) => [id, describe(id)]));
  for (const [id, link] of described) {
    const lines = wrap(link.title);
    graph.setNode(id, { width: NODE_WIDTH, height: 22 + lines.length * LINE_HEIGHT, lines });
  }
  for (const edge of lineage.edges) graph.setEdge(edge.from, edge.to, { label: edge.label });
  dagre.layout(graph);
  const boxes = lineage.nodes.map((id) => graph.node(id) as { x: number; y: number; width: number; height: number; lines: string[] });
  const routes = lineage.edges.map((edge) => (graph.edge(edge.from, edge.to) as { points: { x: number; y: number }[] }).points);
  // dagre may route long edges outside the box it reports; frame everything that is drawn.
  const xs = [...boxes.flatMap((box) => [box.x - box.width / 2, box.x + box.width / 2]), ...routes.flat().map((point) => point.x)];
  const ys = [...boxes.flatMap((box) => [box.y - box.height / 2, box.y + box.height / 2]), ...routes.flat().map((point) => point.y)];
  const left = Math.min(...xs) - MARGIN;
  const top = Math.min(...ys) - MARGIN;
  const nodes = lineage.nodes.map((id, index): GraphNode => {
    const box = boxes[index]!;
    const link = described.get(id)!;
    return { id, x: box.x - box.width / 2 - left, y: box.y - box.height / 2 - top, width: box.width, height: box.height, lines: box.lines, kind: link.kind, href: link.href, focus: id === focus };
  });
  const edges = lineage.edges.map((edge, index): GraphEdge => {
    const path = routes[index]!.map((point, step) => `${step ? 'L' : 'M'}${(point.x - left).toFixed(1)},${(point.y - top).toFixed(1)}`).join(' ');
    return { path, label: edge.label, from: edge.from, to: edge.to };
  });
  return { width: Math.ceil(Math.max(...xs) - left + MARGIN), height: Math.ceil(Math.max(...ys) - top + MARGIN), nodes, edges, hidden: lineage.hidden };
}
