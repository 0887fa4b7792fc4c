/**
 * The catalog's references.bib as CSL-JSON entries by key, parsed once per
 * bibliography text: the Markdown renderer, the publications of records and
 * their exports all read this one parse.
 */
import { Cite } from './citation-js.ts';

/** A CSL-JSON item as citation-js reads it from BibTeX; only the fields the catalog uses are named. */
export interface BibliographyEntry {
  id: string;
  type: string;
  title?: string;
  DOI?: string;
  URL?: string;
  [field: string]: unknown;
}

let last: { bibtex: string; entries: ReadonlyMap<string, BibliographyEntry> } | undefined;

/** Entries by citation key; a catalog without references.bib has none. */
export function bibliographyEntries(bibtex: string | undefined): ReadonlyMap<string, BibliographyEntry> {
  if (bibtex === undefined) return new Map();
  if (last?.bibtex !== bibtex) {
    // citation-js keeps the source text on every item (_graph); the entries need none of it.
    const items = (new Cite(bibtex).data as BibliographyEntry[]).map(({ _graph, ...item }) => item as BibliographyEntry);
    last = { bibtex, entries: new Map(items.map((item) => [item.id, item])) };
  }
  return last.entries;
}
