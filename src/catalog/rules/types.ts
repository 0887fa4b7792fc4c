import type { Problem } from '../../diagnostics/problem.ts';
import type { CatalogGraph } from '../graph.ts';
import type { HistoryReader } from '../history-reader.ts';
import type { LoadedCatalog } from '../load.ts';

export interface RuleContext {
  catalog: LoadedCatalog;
  graph: CatalogGraph;
  readHistory: HistoryReader;
}

/** A cross-record rule: reads the whole catalog, returns every problem it finds. */
export interface CatalogRule {
  name: string;
  check(context: RuleContext): Problem[];
}
