/**
 * BibTeX export: the record's CSL item, written by @citation-js/plugin-bibtex.
 *
 * Every record is a @misc entry, as in DataCite's own BibTeX for DOIs. The
 * natbib styles of ML venues and JabRef's BibTeX mode know @misc with url and
 * doi; @dataset and @software exist only in biblatex, whose `date` field
 * classic BibTeX ignores, leaving the reference without a year. The key is the
 * record id: unique in the catalog, stable, and valid as a BibTeX key.
 */
import { Cite, plugins } from '../csl/citation-js.ts';
import { cslItem, type CslItem } from '../csl/item.ts';
import type { Serializer } from '../types.ts';
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

export function renderBibtex(item: CslItem): string {
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
  return `@${entry.type}{${item['citation-key']},\n${lines.join('')}}\n`;
}

export const bibtex: Serializer<CslItem> = {
  id: 'bibtex',
  label: 'BibTeX',
  fileName: 'citation.bib',
  mediaType: 'application/x-bibtex',
  appliesTo: () => true,
  build: cslItem,
  render: renderBibtex,
};
