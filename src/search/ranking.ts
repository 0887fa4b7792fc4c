/**
 * How results are ordered by relevance. Pagefind scores every page that
 * matches (weights per part of the page are set where the page is written,
 * src/views/search-facets.ts); the best-scored results are then put in tiers:
 *   1. records whose title or id holds every word of the query, the one whose
 *      title or id is the query first, then the experiment's outputs (projects,
 *      datasets, models) before the records of how they were made (runs,
 *      software, workflows, instruments), then the title the query covers most;
 *   2. records that match in their description or keywords;
 *   3. records that match elsewhere (body, facts, tables);
 * and withdrawn records after all current ones: a tombstone is rarely the
 * record a reader means, but it must stay findable.
 * Measured with `npm run bench:search` (README, Search).
 */
import { FILTERS, PART_PREFIX, SEARCH_PARTS } from './fields.ts';

/** Pagefind's `ranking` option (https://pagefind.app/docs/ranking/). */
export const RANKING = {
  // Record pages differ in length for reasons unrelated to relevance (a run's
  // parameter table, a dataset's file list): do not favour short pages.
  pageLength: 0.2,
  termFrequency: 0.6,
  termSaturation: 1.2,
  termSimilarity: 1.5,
} as const;

/** How many of Pagefind's best results are put in tiers (their data is loaded to do so). */
export const TIERED = 30;

export interface RankedFragment {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors: { id: string; location: number }[];
  locations: number[];
}

/** Lower-case letters-and-digits parts of a text: "ResNet-18 sweep" → resnet, 18, sweep. */
export function partsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The parts, and each word of several parts also joined (ResNet-18 → resnet18), as Pagefind indexes them. */
function wordsOf(text: string): string[] {
  return text.split(/\s+/).flatMap((word) => {
    const parts = partsOf(word);
    return parts.length > 1 ? [...parts, parts.join('')] : parts;
  });
}

/** A query part matches a word it begins (as Pagefind matches) or, stemmed, a word that begins it: augmented ~ augment. */
const matches = (part: string, word: string) => word.startsWith(part) || (word.length >= 4 && part.startsWith(word));

/** Record types that are what an experiment produced, as opposed to how. */
const OUTPUTS = ['project', 'dataset', 'model'];

interface RelevanceKey {
  tier: number;
  exact: boolean;
  output: boolean;
  coverage: number;
}

export function relevanceKey(query: string, fragment: RankedFragment): RelevanceKey {
  const title = fragment.meta.title ?? '';
  const id = fragment.url.split('/').filter(Boolean).pop() ?? '';
  const parts = [...new Set(partsOf(query))];
  const titleWords = wordsOf(`${title} ${id}`);
  const inTitle = parts.filter((part) => titleWords.some((word) => matches(part, word)));
  const output = OUTPUTS.some((type) => fragment.filters[FILTERS.record]?.includes(type));
  if (parts.length > 0 && inTitle.length === parts.length) {
    const own = partsOf(title);
    const exact = [title, id].some((name) => partsOf(name).join(' ') === parts.join(' '));
    const coverage = own.filter((word) => parts.some((part) => matches(part, word))).length / (own.length || 1);
    return { tier: 1, exact, output, coverage };
  }
  return { tier: inTitle.length > 0 || matchesDescription(fragment) ? 2 : 3, exact: false, output, coverage: 0 };
}

/** Whether a matched word lies in the description or the keywords after it. */
function matchesDescription(fragment: RankedFragment): boolean {
  const parts = fragment.anchors.filter((anchor) => anchor.id.startsWith(PART_PREFIX));
  const own = new Set<string>([SEARCH_PARTS.description, SEARCH_PARTS.keywords]);
  const start = parts.find((anchor) => own.has(anchor.id))?.location;
  if (start === undefined) return false;
  const end = Math.min(Infinity, ...parts.filter((anchor) => !own.has(anchor.id) && anchor.location > start).map((anchor) => anchor.location));
  return fragment.locations.some((location) => location >= start && location < end);
}

function compareKeys(a: RelevanceKey, b: RelevanceKey): number {
  return a.tier - b.tier || Number(b.exact) - Number(a.exact) || Number(b.output) - Number(a.output) || b.coverage - a.coverage;
}

/**
 * Results in relevance order: the first `fragments.length` (Pagefind's best,
 * with their data loaded) in tiers, the rest in Pagefind's order after them,
 * the `withdrawn` ones (those of the tiered whose data says so) last. Ties
 * keep Pagefind's order.
 */
export function orderByRelevance<T extends { id: string }>(query: string, results: T[], fragments: RankedFragment[], withdrawn: ReadonlySet<string>): T[] {
  const keys = fragments.map((fragment) => relevanceKey(query, fragment));
  const tiered = results
    .slice(0, fragments.length)
    .map((result, index) => ({ result, key: keys[index]!, index }))
    .sort((a, b) => compareKeys(a.key, b.key) || a.index - b.index)
    .map(({ result }) => result);
  const ordered = [...tiered, ...results.slice(fragments.length)];
  return [...ordered.filter((result) => !withdrawn.has(result.id)), ...ordered.filter((result) => withdrawn.has(result.id))];
}
