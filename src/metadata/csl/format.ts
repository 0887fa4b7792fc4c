/**
 * The landing page's "Cite this" box: the record's CSL item formatted by
 * citeproc-js (through @citation-js/plugin-csl) as one HTML bibliography entry.
 */
import type { PublishedRecord } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { Cite, plugins } from './citation-js.ts';
import { cslItem } from './item.ts';

/**
 * The styles @citation-js/plugin-csl bundles. Chicago and MLA exist only
 * inside rehype-citation's build, whose exports map does not let Node import
 * them; IEEE is nowhere in node_modules.
 */
export const citationStyles = [
  { id: 'apa', label: 'APA (7th edition)' },
  { id: 'vancouver', label: 'Vancouver' },
  { id: 'harvard1', label: 'Harvard (Cite Them Right)' },
] as const satisfies readonly { id: string; label: string }[];

export type CitationStyle = (typeof citationStyles)[number]['id'];

export const defaultCitationStyle: CitationStyle = 'apa';

/** Pages are written in English, and so are the genres in the CSL item. */
const LOCALE = 'en-US';

/**
 * citeproc-js reads a little HTML inside field values (<i>, <b>, <sup>,
 * <span class="nocase">) and passes it to its output unescaped. Record fields
 * are plain text, so a private-use character after every "<" keeps citeproc
 * from seeing a tag: it escapes the "<" like any other character, and the
 * marker is removed afterwards.
 */
const TAG_BREAKER = '\uE000';

function breakTags<Item>(item: Item): Item {
  const text = JSON.stringify(item);
  return JSON.parse(text, (_key, value: unknown) =>
    typeof value === 'string' ? value.replaceAll('<', `<${TAG_BREAKER}`) : value,
  ) as Item;
}

/**
 * citeproc wraps an entry in a div, and numeric styles (Vancouver) put the
 * entry's number in a div of its own; a single citation needs neither. Every
 * "<" left in citeproc's output is its own markup, so matching tags is safe.
 */
function entryContent(entry: string): string {
  return entry
    .replace(/^\s*<div[^>]*>/, '')
    .replace(/<\/div>\s*$/, '')
    .replace(/<div class="csl-left-margin">[^<]*<\/div>/, '')
    .replace(/<div class="csl-right-inline">([\s\S]*)<\/div>/, '$1')
    .trim();
}

/**
 * Each record is cited on its own page, alone: there is nothing to sort and
 * nothing to tell apart from. Without sorting and disambiguation (year
 * suffixes, added names) a style formats many records in one citeproc run
 * exactly as it formats each alone, at a fraction of the cost.
 */
function singleEntryTemplate(style: CitationStyle): string {
  const name = `${style}-single-entry`;
  const { templates } = plugins.config.get('@csl');
  if (!templates.has(name)) {
    const xml = templates
      .get(style)
      .replace(/\sdisambiguate-add-(?:year-suffix|names|givenname)="true"/g, '')
      .replace(/(<bibliography[^>]*>[\s\S]*?)<sort>[\s\S]*?<\/sort>/, '$1');
    templates.add(name, xml);
  }
  return name;
}

/**
 * Bibliography entries as inline HTML (text, <i>, <b>, entities), safe to
 * insert as is, by record id, each as if formatted alone.
 */
export function formatCitations(
  records: readonly PublishedRecord[],
  context: MetadataContext,
  style: CitationStyle = defaultCitationStyle,
): Map<string, string> {
  return formatCslItems(records.map((record) => cslItem(record, context)), style);
}

/** Formats CSL items (by their `id`), records' or references.bib's: the entry depends on nothing but the item and the style. */
export function formatCslItems(items: readonly { id: string }[], style: CitationStyle = defaultCitationStyle): Map<string, string> {
  if (!items.length) return new Map();
  const cite = new Cite(items.map(breakTags));
  // No hyperlinks option: citeproc would put a DOI into href="…" without escaping quotes.
  const template = singleEntryTemplate(style);
  const entries = cite.format('bibliography', { format: 'html', template, lang: LOCALE, asEntryArray: true, nosort: true });
  const formatted = new Map(entries.map(([id, html]) => [id, entryContent(html).replaceAll(TAG_BREAKER, '')]));
  for (const item of items) if (!formatted.has(String(item.id))) throw new Error(`citeproc formatted no entry for ${item.id}`);
  return formatted;
}

/** What a formatted entry depends on besides its item: the style's CSL, the locale. */
export function citationStyleText(style: CitationStyle): string {
  return `${LOCALE}\0${plugins.config.get('@csl').templates.get(singleEntryTemplate(style))}`;
}

/** One record's bibliography entry; see formatCitations for many. */
export function formatCitation(record: PublishedRecord, context: MetadataContext, style: CitationStyle = defaultCitationStyle): string {
  return formatCitations([record], context, style).get(record.id)!;
}
