/**
 * One search as the page runs it: the query and chosen filters sent to
 * Pagefind, results in relevance order (src/search/ranking.ts) or newest first,
 * and the count of results under every filter value.
 */
import { FILTERS, WITHDRAWN } from './fields.ts';
import type { FilterCounts, Pagefind, PagefindFragment, PagefindResult } from './pagefind.ts';
import { orderByRelevance, TIERED } from './ranking.ts';
import { hasFilters, pagefindFilters, type SearchState } from './url-state.ts';

export interface SearchOutcome {
  results: PagefindResult[];
  /**
   * Results per filter value, given the query and the other filters: values of
   * one filter are alternatives, so a filter's own choice does not narrow its counts.
   */
  counts: FilterCounts;
}

/** Pagefind loads a result's data on each call of data(); ranking and display share one load. */
function loadOnce(result: PagefindResult): PagefindResult {
  let data: Promise<PagefindFragment> | undefined;
  return { ...result, data: () => (data ??= result.data()) };
}

export async function runSearch(pagefind: Pagefind, state: SearchState): Promise<SearchOutcome> {
  if (!state.query && !hasFilters(state)) return { results: [], counts: await pagefind.filters() };
  const query = state.query || null;
  const filters = pagefindFilters(state.filters);
  const sort = state.order === 'date' ? { date: 'desc' } : undefined;
  const response = await pagefind.search(query, { filters, sort });
  const counts = { ...response.filters };
  for (const name of Object.keys(state.filters)) {
    const others = pagefindFilters({ ...state.filters, [name]: undefined });
    counts[name] = (await pagefind.search(query, { filters: others })).filters[name] ?? {};
  }
  const results = response.results.map(loadOnce);
  if (sort || !query) return { results, counts };
  const [fragments, withdrawn] = await Promise.all([
    Promise.all(results.slice(0, TIERED).map((result) => result.data())),
    pagefind.search(query, { filters: { all: [filters, { [FILTERS.status]: WITHDRAWN }] } }),
  ]);
  return { results: orderByRelevance(query, results, fragments, new Set(withdrawn.results.map((result) => result.id))), counts };
}
