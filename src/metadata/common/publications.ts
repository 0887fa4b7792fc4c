/**
 * A record's papers with what the exports and the page need of each: its DOI
 * or URL, title and kind, read from references.bib for a key and taken as
 * given for a bare DOI. Computed here so that DataCite, schema.org and the
 * landing page name the same papers.
 */
import type { Publication, PublicationRelation } from '../../schema/common/publications.ts';
import type { MetadataContext } from '../context.ts';
import type { PublishedRecord } from './record-facts.ts';

export interface ResolvedPublication {
  relation: PublicationRelation;
  /** Key in references.bib, when the record named the paper by it. */
  key?: string;
  doi?: string;
  /** The entry's URL, where it has no DOI. */
  url?: string;
  title?: string;
  /** CSL type of the entry (article-journal, paper-conference, …), when references.bib says. */
  cslType?: string;
}

/** The publications field of the records that have one. */
export function statedPublications(record: PublishedRecord): readonly Publication[] {
  return 'publications' in record.data ? (record.data.publications ?? []) : [];
}

/** Each stated paper, resolved; a key references.bib lacks is left out (the catalog check reports it). */
export function publicationsOf(record: PublishedRecord, context: MetadataContext): ResolvedPublication[] {
  return statedPublications(record).flatMap((publication): ResolvedPublication[] => {
    if (publication.doi) return [{ relation: publication.relation, doi: publication.doi, title: publication.title }];
    const entry = context.bibliography.get(publication.ref!);
    if (!entry) return [];
    return [{ relation: publication.relation, key: entry.id, doi: entry.DOI, url: entry.DOI ? undefined : entry.URL, title: entry.title, cslType: entry.type }];
  });
}
