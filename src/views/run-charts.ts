/** Metric charts: a run's history per metric, and a sweep's runs overlaid and scattered. */
import { projectMembers } from '../catalog/graph.ts';
import type { CatalogRecord } from '../catalog/load.ts';
import { metricHistoryPath, readMetricHistory, type MetricHistory } from '../catalog/metric-history.ts';
import { lineChart, scatterChart, type ChartLayout } from '../graphics/line-chart.ts';
import type { Site } from '../site/site.ts';

export interface ChartView {
  id: string;
  title: string;
  chart: ChartLayout;
  legend: { label: string; colour: number }[];
}

function historyOf(run: CatalogRecord<'run'>): MetricHistory | undefined {
  return run.data.metricHistory ? readMetricHistory(metricHistoryPath(run.path, run.data.metricHistory)).history : undefined;
}

export function runCharts(run: CatalogRecord<'run'>): ChartView[] {
  const history = historyOf(run);
  if (!history) return [];
  return history.metrics.flatMap((metric, index) => {
    const chart = lineChart([{ label: metric, x: history.steps, y: history.values[metric]! }], 'step', metric);
    return chart ? [{ id: `metric-${index}`, title: metric, chart, legend: [] }] : [];
  });
}

/** Parameters whose values differ between runs: the ones a sweep explores. */
export function varyingParameters(runs: readonly CatalogRecord<'run'>[]): string[] {
  const names = [...new Set(runs.flatMap((run) => Object.keys(run.data.parameters ?? {})))];
  return names.filter((name) => new Set(runs.map((run) => JSON.stringify(run.data.parameters?.[name] ?? null))).size > 1);
}

function sweepLabel(run: CatalogRecord<'run'>, parameters: string[]): string {
  const values = parameters.map((name) => `${name}=${run.data.parameters?.[name] ?? '–'}`);
  return values.length ? values.join(', ') : run.data.title;
}

export interface SweepView {
  parent: { title: string; id: string };
  overlays: ChartView[];
  scatters: ChartView[];
}

const MAX_OVERLAY_METRICS = 4;
/** A project page charts its most recent sweeps; every sweep's own page has the rest. */
export const MAX_SWEEPS = 3;
const MAX_SCATTERS = 4;

export function sweepViews(site: Site, projectId: string): SweepView[] {
  const runs = projectMembers(site.graph, projectId, 'run');
  const parents = runs
    .filter((run) => site.graph.incoming(run.id, 'parentRun').length > 0)
    .sort((a, b) => b.data.startTime.localeCompare(a.data.startTime))
    .slice(0, MAX_SWEEPS);
  return parents.map((parent) => {
    const children = site.graph.incoming(parent.id, 'parentRun').map((relation) => site.graph.get(relation.from, 'run')!);
    const parameters = varyingParameters(children);
    const histories = children.map((run) => ({ run, history: historyOf(run) })).filter((entry) => entry.history);
    const metrics = [...new Set(histories.flatMap(({ history }) => history!.metrics))].slice(0, MAX_OVERLAY_METRICS);
    const overlays = metrics.flatMap((metric, index) => {
      const series = histories
        .filter(({ history }) => history!.values[metric])
        .map(({ run, history }) => ({ label: sweepLabel(run, parameters), x: history!.steps, y: history!.values[metric]! }));
      const chart = lineChart(series, 'step', metric);
      return chart ? [{ id: `${parent.id}-overlay-${index}`, title: `${metric} per run`, chart, legend: series.map((entry, colour) => ({ label: entry.label, colour })) }] : [];
    });
    const finalMetrics = [...new Set(children.flatMap((run) => Object.keys(run.data.metrics ?? {})))];
    const numeric = parameters.filter((name) => children.every((run) => typeof (run.data.parameters?.[name] ?? 0) === 'number'));
    const scatters = numeric
      .flatMap((parameter) => finalMetrics.map((metric) => ({ parameter, metric })))
      .slice(0, MAX_SCATTERS)
      .flatMap(({ parameter, metric }, index) => {
        const points = children.flatMap((run) => {
          const x = run.data.parameters?.[parameter];
          const y = run.data.metrics?.[metric];
          return typeof x === 'number' && y !== undefined ? [{ label: run.data.title, x, y }] : [];
        });
        const chart = scatterChart(points, parameter, metric);
        return chart ? [{ id: `${parent.id}-scatter-${index}`, title: `${metric} by ${parameter}`, chart, legend: [] }] : [];
      });
    return { parent: { title: parent.data.title, id: parent.id }, overlays, scatters };
  });
}
