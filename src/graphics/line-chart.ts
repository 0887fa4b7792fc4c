/**
 * Line and scatter charts as positioned geometry for inline SVG, computed at
 * build time. Missing values are gaps in the line, never zeros.
 */
import { formatTick, linearScale, quantile } from './scale.ts';

export interface Series {
  label: string;
  x: number[];
  /** null where the run logged nothing usable. */
  y: (number | null)[];
}

export interface Tick {
  position: number;
  label: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: Tick[];
  yTicks: Tick[];
  xLabel: string;
  yLabel: string;
  lines: { label: string; path: string; colour: number }[];
  points: { label: string; x: number; y: number; colour: number; text: string }[];
  /** What the chart shows, in words, for its text alternative. */
  summary: string;
}

const WIDTH = 560;
const HEIGHT = 260;
const MARGIN = { left: 62, right: 16, top: 14, bottom: 44 };

/**
 * The value range to show: all of it, unless a few values (a diverging run)
 * lie far outside the rest; those are cut off at the top or bottom and the
 * text alternative says so.
 */
export function robustRange(values: readonly number[]): { min: number; max: number; clipped: boolean } {
  const sorted = [...values].sort((a, b) => a - b);
  const low = quantile(sorted, 0.05);
  const high = quantile(sorted, 0.95);
  const spread = Math.max(high - low, Number.EPSILON);
  const min = Math.max(sorted[0]!, low - 1.5 * spread);
  const max = Math.min(sorted.at(-1)!, high + 1.5 * spread);
  return { min, max, clipped: min > sorted[0]! || max < sorted.at(-1)! };
}

function frame(xs: number[], ys: number[], xLabel: string, yLabel: string, integerX: boolean) {
  const plot = { left: MARGIN.left, top: MARGIN.top, right: WIDTH - MARGIN.right, bottom: HEIGHT - MARGIN.bottom };
  const x = linearScale(Math.min(...xs), Math.max(...xs), plot.left, plot.right, 6, integerX);
  const range = robustRange(ys);
  const y = linearScale(range.min, range.max, plot.bottom, plot.top, 5);
  return {
    plot,
    x,
    y,
    clipped: range.clipped,
    base: {
      width: WIDTH,
      height: HEIGHT,
      plot,
      xTicks: x.ticks.map((tick) => ({ position: x(tick), label: formatTick(tick) })),
      yTicks: y.ticks.map((tick) => ({ position: y(tick), label: formatTick(tick) })),
      xLabel,
      yLabel,
    },
  };
}

function describeSeries(series: Series): string {
  const present = series.y.flatMap((value, index) => (value === null ? [] : [{ x: series.x[index]!, y: value }]));
  if (!present.length) return `${series.label}: no values`;
  const first = present[0]!;
  const last = present.at(-1)!;
  const gaps = series.y.length - present.length;
  const extreme = present.reduce((best, point) => (point.y < best.y ? point : best));
  return `${series.label} from ${formatTick(first.y)} at step ${first.x} to ${formatTick(last.y)} at step ${last.x}, lowest ${formatTick(extreme.y)} at step ${extreme.x}${gaps ? `, ${gaps} missing values` : ''}`;
}

export function lineChart(series: Series[], xLabel: string, yLabel: string): ChartLayout | undefined {
  const xs = series.flatMap((entry) => entry.x);
  const ys = series.flatMap((entry) => entry.y.filter((value): value is number => value !== null));
  if (!xs.length || !ys.length) return undefined;
  const { x, y, base, clipped } = frame(xs, ys, xLabel, yLabel, xs.every(Number.isInteger));
  const lines = series.map((entry, colour) => {
    let path = '';
    let drawing = false;
    entry.y.forEach((value, index) => {
      if (value === null) {
        drawing = false;
        return;
      }
      path += `${drawing ? 'L' : 'M'}${x(entry.x[index]!).toFixed(1)},${y(value).toFixed(1)} `;
      drawing = true;
    });
    return { label: entry.label, path: path.trim(), colour };
  });
  const cut = clipped ? ` Outlying values are cut off at the edge of the plot.` : '';
  return { ...base, lines, points: [], summary: `${series.map(describeSeries).join('; ')}.${cut}` };
}

export interface ScatterPoint {
  label: string;
  x: number;
  y: number;
}

/** Parameters such as learning rates span decades; a log axis spreads them out. */
function wantsLogScale(values: readonly number[]): boolean {
  return values.every((value) => value > 0) && Math.max(...values) / Math.min(...values) >= 100;
}

export function scatterChart(points: ScatterPoint[], xLabel: string, yLabel: string): ChartLayout | undefined {
  if (points.length < 2) return undefined;
  const log = wantsLogScale(points.map((point) => point.x));
  const position = (value: number) => (log ? Math.log10(value) : value);
  const { x, y, base } = frame(points.map((point) => position(point.x)), points.map((point) => point.y), log ? `${xLabel} (log scale)` : xLabel, yLabel, log);
  const xTicks = log ? base.xTicks.map((tick) => ({ ...tick, label: formatTick(10 ** Number(tick.label)) })) : base.xTicks;
  return {
    ...base,
    xTicks,
    lines: [],
    points: points.map((point) => ({ label: point.label, x: x(position(point.x)), y: y(point.y), colour: 0, text: `${point.label}: ${xLabel} ${formatTick(point.x)}, ${yLabel} ${formatTick(point.y)}` })),
    summary: points.map((point) => `${point.label}: ${xLabel} ${formatTick(point.x)}, ${yLabel} ${formatTick(point.y)}`).join('; '),
  };
}
