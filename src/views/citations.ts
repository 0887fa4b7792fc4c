/** Formatted citations for the "Cite this" box, computed once per site and style. */
import { citationStyles, formatCitations, type CitationStyle } from '../metadata/csl/format.ts';
import type { PublishedRecord } from '../metadata/types.ts';
import type { Site } from '../site/site.ts';

const formattedBySite = new WeakMap<Site, Map<CitationStyle, Map<string, string>>>();

function formatted(site: Site, style: CitationStyle): Map<string, string> {
  let byStyle = formattedBySite.get(site);
  if (!byStyle) formattedBySite.set(site, (byStyle = new Map()));
  let entries = byStyle.get(style);
  if (!entries) byStyle.set(style, (entries = formatCitations(site.published, site.context, style)));
  return entries;
}

export function citationsOf(record: PublishedRecord, site: Site): { id: CitationStyle; label: string; html: string }[] {
  return citationStyles.map((style) => ({ ...style, html: formatted(site, style.id).get(record.id)! }));
}
