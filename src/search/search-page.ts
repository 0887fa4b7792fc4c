/**
 * The search page in the browser: reads the query and filters from the URL,
 * runs the search, and renders the filters with their counts and the results
 * (type, title, project, date, excerpt). Every change is written back to the
 * URL, so the back button and shared links show the same search.
 */
import { excerptOf } from './excerpt.ts';
import { FACETS, FILTERS, META, WITHDRAWN } from './fields.ts';
import { loadPagefind, type PagefindResult } from './pagefind.ts';
import { facetCounts, runSearch } from './search.ts';
import { readState, writeState, type SearchState } from './url-state.ts';

const PAGE_SIZE = 10;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function resultItem(result: PagefindResult): Promise<HTMLLIElement> {
  const data = await result.data();
  const type = data.meta[META.type] ?? '';
  const item = element('li', { class: 'search-result' });
  const eyebrow = element('p', { class: 'eyebrow' });
  eyebrow.append(element('span', { class: `badge badge-${type.toLowerCase()}` }, type));
  if (data.filters[FILTERS.status]?.includes(WITHDRAWN)) eyebrow.append(' ', element('span', { class: 'badge badge-withdrawn' }, 'Withdrawn'));
  const heading = element('h2');
  heading.append(element('a', { href: data.url }, data.meta.title ?? data.url));
  const context = [data.filters[FILTERS.project]?.[0], data.meta[META.date]].filter(Boolean).join(' · ');
  item.append(eyebrow, heading);
  if (context) item.append(element('p', { class: 'muted search-context' }, context));
  const excerpt = excerptOf(data.content, data.locations, data.anchors);
  if (excerpt) {
    const paragraph = element('p', { class: 'search-excerpt' });
    paragraph.innerHTML = excerpt; // built from escaped words and <mark> only
    item.append(paragraph);
  }
  return item;
}

/** Values of each filter, with the number of results under each where they are counted. */
type FacetValues = Record<string, Record<string, number | undefined>>;

function facetGroups(state: SearchState, counts: FacetValues): HTMLFieldSetElement[] {
  return FACETS.flatMap(({ name, label }) => {
    const chosen = state.filters[name] ?? [];
    const values = Object.entries(counts[name] ?? {}).filter(([value, count]) => count === undefined || count > 0 || chosen.includes(value));
    if (!values.length) return [];
    const group = element('fieldset', { class: 'facet' });
    group.append(element('legend', {}, label));
    const collator = new Intl.Collator('en', { numeric: true });
    for (const [value, count] of values.sort(([a, x], [b, y]) => (y ?? 0) - (x ?? 0) || collator.compare(a, b))) {
      const option = element('label');
      const box = element('input', { type: 'checkbox', name, value });
      box.checked = chosen.includes(value);
      option.append(box, ' ', value);
      if (count !== undefined) option.append(' ', element('span', { class: 'count' }, `(${count})`));
      group.append(option);
    }
    return [group];
  });
}

async function start(root: HTMLElement): Promise<void> {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const facets = root.querySelector<HTMLElement>('.search-facets')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const list = root.querySelector<HTMLOListElement>('.search-results')!;
  const more = root.querySelector<HTMLButtonElement>('.search-more')!;
  const orders = root.querySelectorAll<HTMLAnchorElement>('[data-order]');
  const pagefind = await loadPagefind(root.dataset.bundle!, root.dataset.base!);
  let shown: PagefindResult[] = [];
  let pending: PagefindResult[] = [];
  let generation = 0;
  // A large catalog's page lists the filter values without counts (uncountedFacetValues in src/views/search-facets.ts).
  const uncounted = root.dataset.facetValues ? (JSON.parse(root.dataset.facetValues) as Record<string, string[]>) : undefined;
  const listed: FacetValues | undefined = uncounted && Object.fromEntries(Object.entries(uncounted).map(([name, values]) => [name, Object.fromEntries(values.map((value) => [value, undefined]))]));
  let countsLoaded = false;

  const showMore = async (current: number) => {
    const next = pending.splice(0, PAGE_SIZE);
    const items = await Promise.all(next.map(resultItem));
    if (current !== generation) return;
    list.append(...items);
    shown = shown.concat(next);
    more.hidden = pending.length === 0;
  };

  const render = async (state: SearchState) => {
    const current = ++generation;
    root.dataset.state = 'searching';
    input.value = state.query;
    for (const link of orders) {
      link.href = `?${writeState({ ...state, order: link.dataset.order === 'date' ? 'date' : 'relevance' })}`;
      link.toggleAttribute('aria-current', (link.dataset.order === 'date') === (state.order === 'date'));
    }
    const outcome = await runSearch(pagefind, state, { counting: countsLoaded });
    if (current !== generation) return;
    facets.replaceChildren(...facetGroups(state, listed ?? outcome.counts));
    list.replaceChildren();
    shown = [];
    pending = [...outcome.results];
    const searched = state.query || Object.keys(state.filters).length;
    status.textContent = !searched ? 'Type a query or choose a filter.' : `${outcome.results.length} ${outcome.results.length === 1 ? 'record' : 'records'}${state.query ? ` for “${state.query}”` : ''}`;
    await showMore(current);
    if (current !== generation) return;
    if (!countsLoaded && !listed) {
      // The first results came before Pagefind's filters were loaded; their counts follow.
      root.dataset.state = 'counting';
      await pagefind.filters();
      countsLoaded = true;
      const counts = await facetCounts(pagefind, state);
      if (current !== generation) return;
      facets.replaceChildren(...facetGroups(state, counts));
    }
    root.dataset.state = 'done';
  };

  const stateOfForm = (): SearchState => readState(new URLSearchParams([...new FormData(form)].map(([name, value]) => [name, String(value)])));
  const navigate = (state: SearchState) => {
    const query = writeState(state).toString();
    history.pushState(null, '', query ? `?${query}` : location.pathname);
    void render(state);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate({ ...stateOfForm(), order: readState(new URLSearchParams(location.search)).order });
  });
  facets.addEventListener('change', () => navigate({ ...stateOfForm(), order: readState(new URLSearchParams(location.search)).order }));
  more.addEventListener('click', () => void showMore(generation));
  for (const link of orders) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      navigate(readState(new URLSearchParams(link.search)));
    });
  }
  window.addEventListener('popstate', () => void render(readState(new URLSearchParams(location.search))));
  await render(readState(new URLSearchParams(location.search)));
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) void start(root);
