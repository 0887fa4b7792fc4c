/**
 * The part of Pagefind's browser API (pagefind.js, written into the site by
 * the build) that the search page uses, and loading it from the site's base.
 */
import { RANKING } from './ranking.ts';

export interface PagefindFragment {
  url: string;
  content: string;
  excerpt: string;
  locations: number[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors: { id: string; location: number }[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface Pagefind {
  options(options: object): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(query: string | null, options?: { filters?: object; sort?: object }): Promise<PagefindResponse>;
}

/**
 * Loads the index from `bundle` (e.g. /lab/pagefind/); result URLs get the
 * site's `base`. Searches count results per filter value only once the
 * filters are loaded (`filters()`), and then every search pays for the
 * counting, so the page loads them after its first results.
 */
export async function loadPagefind(bundle: string, base: string): Promise<Pagefind> {
  const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base, ranking: RANKING });
  return pagefind;
}
