/**
 * A record's papers as the landing page lists them, grouped by how each
 * stands to the record. Entries of references.bib are formatted by citeproc
 * in the catalog's citation style, once per build for every key any record
 * names (one citeproc run), not once per page.
 */
import { publicationsOf, statedPublications } from '../metadata/common/publications.ts';
import { isPublished, type PublishedRecord } from '../metadata/common/record-facts.ts';
import type { MetadataContext } from '../metadata/context.ts';
import type { BibliographyEntry } from '../metadata/csl/bibliography.ts';
import { formatCslItems } from '../metadata/csl/format.ts';
import { doiUrl } from '../schema/common/identifiers.ts';
import type { PublicationRelation } from '../schema/common/publications.ts';

export interface PublicationEntry {
  /** The formatted bibliography entry (citeproc's inline HTML, safe to insert), for a references.bib key. */
  html?: string;
  /** For a paper given by DOI alone: its title, when stated. */
  title?: string;
  doi?: { doi: string; url: string };
}

export interface PublicationGroup {
  label: string;
  entries: PublicationEntry[];
}

const LABELS: Record<PublicationRelation, string> = {
  reports: 'Reported in',
  buildsOn: 'Builds on',
  citedBy: 'Cited by',
};

const formatted = new WeakMap<MetadataContext, Map<string, string>>();

/** Every references.bib entry the catalog's records name, formatted in one citeproc run per context (build). */
function formattedEntries(context: MetadataContext): Map<string, string> {
  let entries = formatted.get(context);
  if (!entries) {
    const keys = new Set([...context.graph.records.values()].filter(isPublished).flatMap((record) => statedPublications(record).flatMap(({ ref }) => ref ?? [])));
    const items = [...keys].flatMap((key): BibliographyEntry[] => [context.bibliography.get(key) ?? []].flat());
    entries = formatCslItems(items);
    formatted.set(context, entries);
  }
  return entries;
}

export function publicationGroups(record: PublishedRecord, context: MetadataContext): PublicationGroup[] {
  const publications = publicationsOf(record, context);
  if (!publications.length) return [];
  const entries = formattedEntries(context);
  return (Object.keys(LABELS) as PublicationRelation[]).flatMap((relation) => {
    const group = publications
      .filter((publication) => publication.relation === relation)
      .map(({ key, doi, title }): PublicationEntry => {
        const html = key === undefined ? undefined : entries.get(key);
        return html ? { html } : { title, doi: doi ? { doi, url: doiUrl(doi) } : undefined };
      });
    return group.length ? [{ label: LABELS[relation], entries: group }] : [];
  });
}
