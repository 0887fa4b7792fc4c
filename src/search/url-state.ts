/**
 * The search page's state lives in its URL, so that a search can be shared and
 * bookmarked: `?q=resnet&type=Model&type=Run&sort=date`. Values of one filter
 * are alternatives (any of them); different filters must all hold.
 */
import { FACETS, type FacetName } from './fields.ts';

export type SearchOrder = 'relevance' | 'date';

export interface SearchState {
  query: string;
  filters: Partial<Record<FacetName, string[]>>;
  order: SearchOrder;
}

export function readState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const { name } of FACETS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = [...new Set(values)];
  }
  return { query: (params.get('q') ?? '').trim(), filters, order: params.get('sort') === 'date' ? 'date' : 'relevance' };
}

export function writeState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const { name } of FACETS) for (const value of state.filters[name] ?? []) params.append(name, value);
  if (state.order === 'date') params.set('sort', 'date');
  return params;
}

/** The chosen filters in Pagefind's filter syntax. */
export function pagefindFilters(filters: SearchState['filters']): Record<string, { any: string[] }> {
  return Object.fromEntries(Object.entries(filters).flatMap(([name, values]) => (values?.length ? [[name, { any: values }]] : [])));
}

export function hasFilters(state: SearchState): boolean {
  return Object.keys(state.filters).length > 0;
}
