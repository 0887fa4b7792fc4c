import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSite } from '../../src/site/site.ts';
import { wrap } from '../../src/graphics/provenance-graph.ts';
import { recordLineage } from '../../src/views/lineage-view.ts';

describe('provenance graph layout', () => {
  const site = getSite(resolve('content'));

  it('keeps every node and every edge inside the drawing', () => {
    for (const record of site.published) {
      const layout = recordLineage(site, record.id)?.layout;
      if (!layout) continue;
      for (const node of layout.nodes) {
        expect(node.x).toBeGreaterThanOrEqual(0);
        expect(node.y).toBeGreaterThanOrEqual(0);
        expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
        expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
      }
      for (const edge of layout.edges) {
        for (const [, x, y] of edge.path.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)) {
          expect(Number(x), `${record.id}: ${edge.from} → ${edge.to}`).toBeGreaterThanOrEqual(0);
          expect(Number(y), `${record.id}: ${edge.from} → ${edge.to}`).toBeGreaterThanOrEqual(0);
          expect(Number(y)).toBeLessThanOrEqual(layout.height);
        }
      }
    }
  });

  it('draws sources left of what was made from them', () => {
    const layout = recordLineage(site, 'resnet18-fashion')!.layout;
    const x = (id: string) => layout.nodes.find((node) => node.id === id)!.x;
    expect(x('resnet18-sweep-lr-0-1')).toBeLessThan(x('resnet18-fashion'));
    expect(x('resnet18-fashion')).toBeLessThan(x('resnet18-fashion-finetuned'));
    expect(layout.nodes.find((node) => node.focus)?.id).toBe('resnet18-fashion');
  });

  it('wraps long titles into at most three lines, ending cut ones with an ellipsis', () => {
    expect(wrap('Fashion-MNIST Noisy Labels: crowd re-annotation of the training set')).toEqual(['Fashion-MNIST Noisy', 'Labels: crowd', 're-annotation of the…']);
    expect(wrap('Short')).toEqual(['Short']);
  });
});
