/** A project's runs side by side, and its models ranked by evaluation results. */
import { projectMembers } from '../catalog/graph.ts';
import type { Site } from '../site/site.ts';
import { landingPath } from '../catalog/urls.ts';
import { formatNumber, formatScalar } from './format.ts';
import { linkTo, type RecordLink } from './links.ts';
import { best, lowerIsBetter } from './metrics.ts';
import { varyingParameters } from './run-charts.ts';

export interface ComparisonCell {
  text: string;
  best?: boolean;
}

/** Beyond this many runs a table stops being readable; the newest are shown. */
export const MAX_COMPARED_RUNS = 50;

export interface RunComparison {
  /** Runs left out of the table (older ones). */
  hidden: number;
  parameters: string[];
  metrics: { name: string; lowerIsBetter: boolean }[];
  rows: { title: string; href: string; status: string; cells: ComparisonCell[] }[];
}

export function runComparison(site: Site, projectId: string): RunComparison | undefined {
  const all = projectMembers(site.graph, projectId, 'run').filter((run) => run.data.metrics);
  if (all.length < 2) return undefined;
  const runs = all.sort((a, b) => b.data.startTime.localeCompare(a.data.startTime)).slice(0, MAX_COMPARED_RUNS);
  const parameters = varyingParameters(runs);
  const metricNames = [...new Set(runs.flatMap((run) => Object.keys(run.data.metrics ?? {})))];
  const bestOf = new Map(metricNames.map((name) => [name, best(name, runs.flatMap((run) => run.data.metrics?.[name] ?? []))]));
  return {
    hidden: all.length - runs.length,
    parameters,
    metrics: metricNames.map((name) => ({ name, lowerIsBetter: lowerIsBetter(name) })),
    rows: runs.map((run) => ({
      title: run.data.title,
      href: landingPath('run', run.id),
      status: run.data.runStatus,
      cells: [
        ...parameters.map((name) => ({ text: run.data.parameters?.[name] === undefined ? '' : formatScalar(run.data.parameters[name]!) })),
        ...metricNames.map((name) => {
          const value = run.data.metrics?.[name];
          return value === undefined ? { text: '' } : { text: formatNumber(value), best: value === bestOf.get(name) };
        }),
      ],
    })),
  };
}

export interface Leaderboard {
  metric: string;
  dataset: RecordLink;
  split?: string;
  lowerIsBetter: boolean;
  entries: { rank: number; model: RecordLink; value: string }[];
}

const MAX_LEADERBOARDS = 8;

/** Leaderboards where models actually compete (two or more), the largest first. */
export function leaderboards(site: Site, projectId: string): Leaderboard[] {
  const models = projectMembers(site.graph, projectId, 'model');
  const boards = new Map<string, { metric: string; dataset: string; split?: string; results: { model: string; value: number }[] }>();
  for (const model of models) {
    for (const result of model.data.evaluation ?? []) {
      const key = JSON.stringify([result.metric, result.dataset, result.split ?? '']);
      const board = boards.get(key) ?? { metric: result.metric, dataset: result.dataset, split: result.split, results: [] };
      board.results.push({ model: model.id, value: result.value });
      boards.set(key, board);
    }
  }
  const contested = [...boards.values()].filter((board) => board.results.length > 1);
  contested.sort((a, b) => b.results.length - a.results.length);
  return contested.slice(0, MAX_LEADERBOARDS).map((board) => {
    const lower = lowerIsBetter(board.metric);
    const sorted = [...board.results].sort((a, b) => (lower ? a.value - b.value : b.value - a.value));
    return {
      metric: board.metric,
      dataset: linkTo(site, board.dataset),
      split: board.split,
      lowerIsBetter: lower,
      entries: sorted.map((entry, index) => ({ rank: index + 1, model: linkTo(site, entry.model), value: formatNumber(entry.value) })),
    };
  });
}
