import { describe, expect, it } from 'vitest';
import { lineChart, robustRange, scatterChart } from '../../src/graphics/line-chart.ts';
import { linearScale } from '../../src/graphics/scale.ts';

describe('line charts', () => {
  it('leave a gap where a value is missing instead of drawing a zero', () => {
    const chart = lineChart([{ label: 'loss', x: [0, 1, 2, 3], y: [1, 0.8, null, 0.5] }], 'step', 'loss')!;
    const moves = chart.lines[0]!.path.match(/M/g);
    expect(moves).toHaveLength(2);
    expect(chart.lines[0]!.path.split(' ')).toHaveLength(3);
    expect(chart.summary).toContain('1 missing values');
  });

  it('label axes with round ticks and whole steps', () => {
    const chart = lineChart([{ label: 'accuracy', x: [1, 2, 3, 4, 5, 6, 7], y: [0.52, 0.61, 0.7, 0.74, 0.8, 0.83, 0.86] }], 'step', 'accuracy')!;
    expect(chart.xTicks.map((tick) => tick.label).every((label) => Number.isInteger(Number(label)))).toBe(true);
    expect(chart.yTicks.map((tick) => tick.label)).toEqual(['0.5', '0.6', '0.7', '0.8', '0.9']);
    expect(chart.xLabel).toBe('step');
  });

  it('cut off a diverging run instead of flattening the others', () => {
    const values = [...Array.from({ length: 40 }, (_, index) => 1 / (index + 1)), 5000];
    const range = robustRange(values);
    expect(range.clipped).toBe(true);
    expect(range.max).toBeLessThan(10);
  });

  it('put parameters spanning decades on a log axis in scatter plots', () => {
    const chart = scatterChart(
      [
        { label: 'a', x: 0.001, y: 0.9 },
        { label: 'b', x: 0.01, y: 0.92 },
        { label: 'c', x: 0.1, y: 0.95 },
      ],
      'learning_rate',
      'accuracy',
    )!;
    expect(chart.xLabel).toBe('learning_rate (log scale)');
    const [a, b, c] = chart.points.map((point) => point.x);
    expect(b! - a!).toBeCloseTo(c! - b!, 5);
  });

  it('make nothing of an empty series', () => {
    expect(lineChart([{ label: 'x', x: [0, 1], y: [null, null] }], 'step', 'x')).toBeUndefined();
  });

  it('scale linearly onto the plot', () => {
    const scale = linearScale(0, 10, 0, 100);
    expect(scale(5)).toBe(50);
    expect(scale.ticks).toEqual([0, 2, 4, 6, 8, 10]);
  });
});
