/**
 * What the landing pages tell Pagefind and the search page reads back: the
 * names of the metadata fields and filters, and the id of the element where a
 * record's own text (description, then body) begins. Shared by the build and
 * the browser, so the two cannot drift apart.
 */

/**
 * Metadata shown with each result (`data-pagefind-meta`; Pagefind adds
 * `title`). Pagefind also matches queries against metadata, so only what a
 * reader might search for belongs here: "model" finds models, "2017" what
 * appeared that year.
 */
export const META = { type: 'type', date: 'date' } as const;

/** Filters the search page reads but does not offer: the record type as in the schema (runs rank after citable records). */
export const FILTERS = { record: 'record', status: 'status', project: 'project' } as const;

/** Filters, in the order the search page lists them. */
export const FACETS = [
  { name: 'type', label: 'Type' },
  { name: 'project', label: 'Project' },
  { name: 'status', label: 'Status' },
  { name: 'year', label: 'Year' },
  { name: 'task', label: 'Task' },
  { name: 'framework', label: 'Framework' },
  { name: 'language', label: 'Language' },
  { name: 'instrument', label: 'Instrument type' },
  { name: 'licence', label: 'Licence' },
  { name: 'creator', label: 'Creator' },
] as const;

export type FacetName = (typeof FACETS)[number]['name'];

/** The status of withdrawn records: they rank after current ones and are marked. */
export const WITHDRAWN = 'withdrawn';

/**
 * Ids that mark the parts of a landing page (Pagefind reports where each
 * begins). A result's excerpt comes from the record's own text, its
 * description and body, never from its label-and-value parts. The prefix keeps
 * them apart from the ids Markdown gives headings.
 */
export const SEARCH_PARTS = {
  description: 'search--description',
  keywords: 'search--keywords',
  facts: 'search--facts',
  body: 'search--body',
  details: 'search--details',
} as const;

export const PART_PREFIX = 'search--';

/** The parts an excerpt may be drawn from, in the order they are preferred. */
export const EXCERPT_PARTS: string[] = [SEARCH_PARTS.description, SEARCH_PARTS.body];
