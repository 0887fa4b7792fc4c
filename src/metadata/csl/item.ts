/**
 * A record as one CSL-JSON item: the citation model that citeproc, Zotero,
 * pandoc and citation-js share. The CSL-JSON export, the BibTeX export and the
 * "Cite this" box are all rendered from this item, so every citation of a
 * record names the same authors, year, DOI and URL.
 */
import type { PublishedType } from '../../schema/index.ts';
import type { ResolvedAgent } from '../common/agents.ts';
import {
  creatorsOf,
  descriptionOf,
  isWithdrawn,
  publicationDate,
  publicationYear,
  publisherOf,
  type PublishedRecord,
} from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import type { CslType } from './vocabulary.ts';

/** A CSL name: split into family and given, or one literal string that is never split. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export type CslDateParts = [year: number, month?: number, day?: number];

/** The CSL-JSON variables Heliograph fills; field order is the order they are written in. */
export interface CslItem {
  id: string;
  type: CslType;
  'citation-key': string;
  title: string;
  /** What the item is, printed by styles such as APA in brackets: "[Machine learning model]". */
  genre?: string;
  author: CslName[];
  issued: { 'date-parts': [CslDateParts] };
  publisher?: string;
  version?: string;
  DOI?: string;
  URL: string;
  abstract?: string;
  /** Comma-separated, as citeproc-js and Zotero read it. */
  keyword?: string;
  status?: string;
  note?: string;
}

/**
 * CSL has types for datasets but none for models, runs or projects. Each gets
 * the nearest type, and a genre so the reader still learns what it is.
 */
const kinds: Record<PublishedType, { type: CslType; genre?: string }> = {
  dataset: { type: 'dataset' },
  // APA 7 cites trained models (its example is a language model) as software
  // with a bracketed description; "dataset" would print "[Data set]".
  model: { type: 'software', genre: 'Machine learning model' },
  // What a run publishes is data: parameters, metrics and output files.
  // DataCite would say Workflow, which CSL has no counterpart for.
  run: { type: 'dataset', genre: 'Experiment run' },
  // CSL has nothing like DataCite's Project; "document" is its generic type.
  project: { type: 'document', genre: 'Research project' },
  software: { type: 'software' },
  // CSL has no workflow type; a workflow is code that others rerun.
  workflow: { type: 'software', genre: 'Computational workflow' },
  // CSL has nothing for equipment either; "document" is its generic type.
  instrument: { type: 'document', genre: 'Instrument' },
};

/**
 * People are cited as family and given name only when their record splits the
 * name: splitting `name` would be guessing ("Ludwig van Beethoven", "Zhang Wei"
 * with the family name first). Everyone else, organizations always, is a
 * literal name, which styles print whole instead of abbreviating ("Lab, E. V.").
 */
export function cslName(agent: ResolvedAgent): CslName {
  if (agent.kind !== 'person' || !agent.familyName) return { literal: agent.name };
  return agent.givenName ? { family: agent.familyName, given: agent.givenName } : { family: agent.familyName };
}

/** The publication date as date parts; without one, the year every other export states. */
function issued(record: PublishedRecord): CslItem['issued'] {
  const date = publicationDate(record);
  if (!date) return { 'date-parts': [[Number(publicationYear(record))]] };
  const [year, month, day] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return { 'date-parts': [[year, month, day]] };
}

/** A reference list is read without the tombstone page, so the citation itself says "withdrawn". */
function withdrawal(record: PublishedRecord): Pick<CslItem, 'status' | 'note'> {
  if (!isWithdrawn(record)) return {};
  const date = record.data.status?.date?.slice(0, 10);
  return { status: 'withdrawn', note: date ? `Withdrawn on ${date}` : 'Withdrawn' };
}

/** descriptionOf falls back to the title, which DataCite needs but an abstract gains nothing from. */
function abstractOf(record: PublishedRecord): string | undefined {
  const description = descriptionOf(record);
  return description === record.data.title ? undefined : description;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

export function cslItem(record: PublishedRecord, context: MetadataContext): CslItem {
  const { type, genre } = kinds[record.type];
  return withoutUndefined<CslItem>({
    id: record.id,
    type,
    'citation-key': record.id,
    title: record.data.title,
    genre,
    author: creatorsOf(record, context).map(cslName),
    issued: issued(record),
    publisher: publisherOf(context)?.name,
    version: record.data.version,
    // Only a registered DOI: a proposed one (doiOf) would not resolve yet.
    DOI: record.data.doi,
    URL: context.landingUrl(record),
    abstract: abstractOf(record),
    keyword: record.data.keywords?.length ? record.data.keywords.join(', ') : undefined,
    ...withdrawal(record),
  });
}
