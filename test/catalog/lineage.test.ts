import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/catalog/check.ts';
import { lineageAmong, lineageOf } from '../../src/catalog/lineage.ts';

const { graph } = checkCatalog('content');

describe('lineage', () => {
  it('runs from data through the run to the model, and on to what was fine-tuned from it', () => {
    const lineage = lineageOf(graph, 'resnet18-fashion');
    expect(lineage.edges).toEqual(
      expect.arrayContaining([
        { from: 'fashion-mnist-augmented', to: 'resnet18-sweep-lr-0-1', label: 'used by' },
        { from: 'resnet18-sweep-lr-0-1', to: 'resnet18-fashion', label: 'generated' },
        { from: 'resnet18-fashion', to: 'resnet18-fashion-finetuned', label: 'fine-tuned into' },
      ]),
    );
    expect(lineage.nodes[0]).toBe('resnet18-fashion');
  });

  it('stops at the depth and size limits and counts what it left out', () => {
    const full = lineageOf(graph, 'fashion-mnist');
    const limited = lineageOf(graph, 'fashion-mnist', { depth: 1, nodes: 3 });
    expect(limited.nodes).toHaveLength(3);
    expect(limited.hidden).toBeGreaterThan(0);
    expect(full.nodes.length).toBeGreaterThan(limited.nodes.length);
    for (const edge of limited.edges) {
      expect(limited.nodes).toContain(edge.from);
      expect(limited.nodes).toContain(edge.to);
    }
  });

  it('starts at the instrument that collected a dataset', () => {
    const lineage = lineageOf(graph, 'fashion-rephotographed');
    expect(lineage.edges).toContainEqual({ from: 'vision-lab-photo-rig', to: 'fashion-rephotographed', label: 'collected' });
    expect(lineageOf(graph, 'vision-lab-photo-rig').nodes).toEqual(['vision-lab-photo-rig', 'fashion-rephotographed']);
  });

  it('starts at the software a workflow runs, then the workflow, then its runs', () => {
    const lineage = lineageOf(graph, 'fashion-benchmark-pipeline');
    expect(lineage.edges).toContainEqual({ from: 'fashion-mnist-benchmark', to: 'fashion-benchmark-pipeline', label: 'run in' });
    expect(lineage.edges).toContainEqual({ from: 'fashion-benchmark-pipeline', to: 'fashion-benchmark-pipeline-repro', label: 'executed by' });
    expect(lineageOf(graph, 'fashion-benchmark-code').edges).toContainEqual({ from: 'fashion-benchmark-code', to: 'lenet-baseline', label: 'run by' });
  });

  it('keeps only edges among the given records', () => {
    const lineage = lineageAmong(graph, ['fashion-mnist', 'lenet-baseline', 'resnet18-fashion']);
    expect(lineage.edges).toEqual([{ from: 'fashion-mnist', to: 'lenet-baseline', label: 'used by' }]);
  });
});
