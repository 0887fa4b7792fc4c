/**
 * BibTeX export: the record's CSL item, written by @citation-js/plugin-bibtex.
 *
 * Records are @misc entries, as in DataCite's own BibTeX for DOIs. The
 * natbib styles of ML venues and JabRef's BibTeX mode know @misc with url and
 * doi; @dataset exists only in biblatex, whose `date` field classic BibTeX
 * ignores, leaving the reference without a year. Software is @software, as
 * GitHub's "Cite this repository" and Zenodo write it: biblatex and
 * biblatex-software know the type, and classic BibTeX styles format an entry
 * type they lack as @misc, with the `year` written here. The key is the
 * record id: unique in the catalog, stable, and valid as a BibTeX key.
 */
import { Cite, plugins } from '../csl/citation-js.ts';
import { cslItem, type CslItem } from '../csl/item.ts';
import type { PublishedType } from '../../schema/index.ts';
import type { MetadataContext, PublishedRecord, Serializer } from '../types.ts';
import { latexItem } from './latex.ts';

/** Fields BibTeX styles skip but Zotero and JabRef import, taken from citation-js's biblatex mapping. */
const BIBLATEX_EXTRAS = ['version', 'keywords'];

/** The order a hand-written entry would have; fields not listed follow in citation-js's order. */
const FIELD_ORDER = ['author', 'title', 'type', 'publisher', 'year', 'version', 'doi', 'url', 'keywords', 'note'];

function fieldRank(name: string): number {
  const rank = FIELD_ORDER.indexOf(name);
  return rank === -1 ? FIELD_ORDER.length : rank;
}

/** citation-js's escaping is global configuration (see latex.ts); it is switched off only while we format. */
function withoutAsciiEscaping<T>(format: () => T): T {
  const options = plugins.config.get('@bibtex').format;
  const previous = options.asciiOnly;
  options.asciiOnly = false;
  try {
    return format();
  } finally {
    options.asciiOnly = previous;
  }
}

/** Entry types other than citation-js's @misc, by record type. */
const entryTypes: Partial<Record<PublishedType, string>> = { software: 'software' };

/** The record's CSL item, and the entry type it is written as. */
export interface BibtexEntry {
  item: CslItem;
  entryType?: string;
}

export function bibtexEntry(record: PublishedRecord, context: MetadataContext): BibtexEntry {
  return { item: cslItem(record, context), entryType: entryTypes[record.type] };
}

export function renderBibtex({ item, entryType }: BibtexEntry): string {
  // Year only: citation-js writes the day into `month` ("mar 1"), which styles print verbatim.
  const year = item.issued['date-parts'][0][0];
  const cite = new Cite([{ ...latexItem(item), issued: { 'date-parts': [[year]] } }]);
  const [entry, extended] = withoutAsciiEscaping(() => [
    cite.format('bibtex', { format: 'object' })[0],
    cite.format('biblatex', { format: 'object' })[0],
  ]);
  if (!entry || !extended) throw new Error(`citation-js wrote no BibTeX entry for ${item.id}`);
  const fields = { ...entry.properties };
  for (const name of BIBLATEX_EXTRAS) {
    const value = extended.properties[name];
    if (value !== undefined) fields[name] = value;
  }
  const lines = Object.entries(fields)
    .sort(([a], [b]) => fieldRank(a) - fieldRank(b))
    .map(([name, value]) => `  ${name} = {${value}},\n`);
  return `@${entryType ?? entry.type}{${item['citation-key']},\n${lines.join('')}}\n`;
}

export const bibtex: Serializer<BibtexEntry> = {
  id: 'bibtex',
  label: 'BibTeX',
  fileName: 'citation.bib',
  mediaType: 'application/x-bibtex',
  appliesTo: () => true,
  build: bibtexEntry,
  render: renderBibtex,
};
