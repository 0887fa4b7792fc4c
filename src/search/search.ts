/**
 * One search as the page runs it: the query and chosen filters sent to
 * Pagefind, results in relevance order (src/search/ranking.ts) or newest first,
 * and the count of results under every filter value.
 */
import { FILTERS, WITHDRAWN } from './fields.ts';
import type { FilterCounts, Pagefind, PagefindFragment, PagefindResponse, PagefindResult } from './pagefind.ts';
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

/** Results per filter value for the state, given the response to its search (Pagefind counts only once its filters are loaded). */
async function countsFor(pagefind: Pagefind, state: SearchState, response: PagefindResponse): Promise<FilterCounts> {
  const counts = { ...response.filters };
  for (const name of Object.keys(state.filters)) {
    const others = pagefindFilters({ ...state.filters, [name]: undefined });
    counts[name] = (await pagefind.search(state.query || null, { filters: others })).filters[name] ?? {};
  }
  return counts;
}

const isWithdrawn = (fragment: PagefindFragment) => fragment.filters[FILTERS.status]?.includes(WITHDRAWN) ?? false;

/** `counting`: Pagefind's filters are loaded, so the outcome has counts per filter value (else none). */
export async function runSearch(pagefind: Pagefind, state: SearchState, { counting = true } = {}): Promise<SearchOutcome> {
  if (!state.query && !hasFilters(state)) return { results: [], counts: counting ? await pagefind.filters() : {} };
  const query = state.query || null;
  const filters = pagefindFilters(state.filters);
  const sort = state.order === 'date' ? { date: 'desc' } : undefined;
  const response = await pagefind.search(query, { filters, sort });
  const counts = counting ? await countsFor(pagefind, state, response) : {};
  const results = response.results.map(loadOnce);
  if (sort || !query) return { results, counts };
  // The tiered results' data says which are withdrawn: a second search for them would cost as much as the first.
  const tiered = results.slice(0, TIERED);
  const fragments = await Promise.all(tiered.map((result) => result.data()));
  const withdrawn = new Set(tiered.filter((_, index) => isWithdrawn(fragments[index]!)).map((result) => result.id));
  return { results: orderByRelevance(query, results, fragments, withdrawn), counts };
}

/** The facet counts alone, for a search first run before Pagefind's filters were loaded. */
export async function facetCounts(pagefind: Pagefind, state: SearchState): Promise<FilterCounts> {
  if (!state.query && !hasFilters(state)) return pagefind.filters();
  return countsFor(pagefind, state, await pagefind.search(state.query || null, { filters: pagefindFilters(state.filters) }));
}
