/**
 * Loads a catalog and runs every cross-record rule: the one validation that
 * `check`, the build and the tests share.
 */
import { sortProblems, type Problem } from '../diagnostics/problem.ts';
import { resolve } from 'node:path';
import { buildGraph, type CatalogGraph } from './graph.ts';
import { prefetchHistories, readInProcess } from './history-reader.ts';
import { loadCatalog, type LoadedCatalog } from './load.ts';
import { catalogRules } from './rules/index.ts';

export interface CheckedCatalog {
  catalog: LoadedCatalog;
  graph: CatalogGraph;
  problems: Problem[];
}

export interface CheckOptions {
  /** Validate metric histories in a worker thread while the records load (the check command). */
  parallel?: boolean;
}

export function checkCatalog(folder: string, { parallel = false }: CheckOptions = {}): CheckedCatalog {
  const readHistory = parallel ? prefetchHistories(resolve(folder)) : readInProcess;
  const catalog = loadCatalog(folder);
  const graph = buildGraph(catalog.records);
  const problems = [...catalog.problems, ...catalogRules.flatMap((rule) => rule.check({ catalog, graph, readHistory }))];
  return { catalog, graph, problems: sortProblems(problems) };
}
