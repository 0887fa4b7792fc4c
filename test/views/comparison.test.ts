import { describe, expect, it } from 'vitest';
import { getSite } from '../../src/site/site.ts';
import { leaderboards, runComparison } from '../../src/views/comparison.ts';
import { sweepViews } from '../../src/views/run-charts.ts';
import { resolve } from 'node:path';

const site = getSite(resolve('content'));

describe('project overview', () => {
  it('compares runs on the parameters that vary and marks the best final metric', () => {
    const comparison = runComparison(site, 'fashion-benchmark')!;
    expect(comparison.parameters).toContain('learning_rate');
    const accuracy = comparison.metrics.findIndex((metric) => metric.name === 'test_accuracy');
    const column = comparison.parameters.length + accuracy;
    const marked = comparison.rows.filter((row) => row.cells[column]?.best);
    expect(marked.map((row) => row.cells[column]!.text)).toEqual(['0.9452']);
    const loss = comparison.metrics.find((metric) => metric.name === 'val_loss')!;
    expect(loss.lowerIsBetter).toBe(true);
  });

  it('ranks models by each evaluation metric, best first', () => {
    const board = leaderboards(site, 'fashion-benchmark').find((entry) => entry.metric === 'accuracy' && entry.dataset.title === 'Fashion-MNIST')!;
    expect(board.entries[0]!.model.title).toBe('ResNet-18 for Fashion-MNIST');
    expect(board.entries.map((entry) => entry.rank)).toEqual(board.entries.map((_, index) => index + 1));
  });

  it('overlays the runs of a sweep and scatters parameters against metrics', () => {
    const [sweep] = sweepViews(site, 'fashion-benchmark');
    expect(sweep!.parent.id).toBe('resnet18-sweep');
    expect(sweep!.overlays[0]!.legend).toHaveLength(4);
    expect(sweep!.scatters[0]!.title).toMatch(/ by learning_rate$/);
  });
});
