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
  const nodes = lineage.nodes.map((id): GraphNode => {
    const node = graph.node(id) as { x: number; y: number; width: number; height: number; lines: string[] };
    const link = described.get(id)!;
    return { id, x: node.x - node.width / 2, y: node.y - node.height / 2, width: node.width, height: node.height, lines: node.lines, kind: link.kind, href: link.href, focus: id === focus };
  });
  const edges = lineage.edges.map((edge): GraphEdge => {
    const points = (graph.edge(edge.from, edge.to) as { points: { x: number; y: number }[] }).points;
    const path = points.map((point, index) => `${index ? 'L' : 'M'}${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');
    return { path, label: edge.label, from: edge.from, to: edge.to };
  });
  const { width = 0, height = 0 } = graph.graph() as { width?: number; height?: number };
  return { width: Math.ceil(width), height: Math.ceil(height), nodes, edges, hidden: lineage.hidden };
}
