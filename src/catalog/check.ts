/**
 * Loads a catalog and runs every cross-record rule: the one validation that
 * `check`, the build and the tests share.
 */
import { sortProblems, type Problem } from '../diagnostics/problem.ts';
import { buildGraph, type CatalogGraph } from './graph.ts';
import { loadCatalog, type LoadedCatalog } from './load.ts';
import { catalogRules } from './rules/index.ts';

export interface CheckedCatalog {
  catalog: LoadedCatalog;
  graph: CatalogGraph;
  problems: Problem[];
}

export function checkCatalog(folder: string): CheckedCatalog {
  const catalog = loadCatalog(folder);
  const graph = buildGraph(catalog.records);
  const problems = [...catalog.problems, ...catalogRules.flatMap((rule) => rule.check({ catalog, graph }))];
  return { catalog, graph, problems: sortProblems(problems) };
}
