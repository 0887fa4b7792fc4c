/**
 * What Pagefind indexes about each record beyond its text: the filters it is
 * found by, the metadata each result shows, the date it sorts by, and how much
 * each part of the page weighs in the ranking.
 */
import { creatorsOf, isWithdrawn, licenseOf, publicationDate, type PublishedRecord } from '../metadata/common/record-facts.ts';
import { recordTypes } from '../schema/index.ts';
import { workflowLanguageLabels } from '../schema/workflow.ts';
import { FILTERS, META, WITHDRAWN, type FacetName } from '../search/fields.ts';
import type { Site } from '../site/site.ts';
import { formatDate } from './format.ts';

/**
 * `data-pagefind-weight` per part of a landing page (Pagefind squares them; body
 * text weighs 1). Title and id come first, then keywords and description. A
 * run's title weighs a little less than the others', so that where a model and
 * the run that trained it match alike, the model, the citable output, is first.
 * Measured with `npm run bench:search` (README, Search).
 */
const WEIGHTS = { title: 10, runTitle: 9, keywords: 6, description: 5 } as const;

export interface SearchWeights {
  title: number;
  keywords: number;
  description: number;
}

export interface SearchFacets {
  filters: { name: FacetName | typeof FILTERS.record; value: string }[];
  meta: { name: string; value: string }[];
  date?: string;
  weights: SearchWeights;
}

/** The languages a record is written in: a software record's, a workflow's. */
function languagesOf(record: PublishedRecord): string[] {
  if (record.type === 'software') return record.data.programmingLanguages ?? [];
  if (record.type === 'workflow') return [workflowLanguageLabels[record.data.language]];
  return [];
}

function statusOf(record: PublishedRecord): string {
  if (isWithdrawn(record)) return WITHDRAWN;
  return record.type === 'run' ? record.data.runStatus : 'published';
}

export function searchFacets(record: PublishedRecord, site: Site): SearchFacets {
  const projectId = record.type === 'project' ? undefined : record.data.project;
  const project = projectId ? site.graph.get(projectId, 'project')?.data.title : undefined;
  const date = publicationDate(record);
  const framework = record.type === 'model' ? record.data.framework?.name : undefined;
  const entries: [FacetName | typeof FILTERS.record, string | undefined][] = [
    [FILTERS.record, record.type],
    ['type', recordTypes[record.type].label],
    ['project', project],
    ['licence', licenseOf(record, site.context).id ?? 'other'],
    ['task', record.type === 'model' ? record.data.task : undefined],
    ['framework', framework],
    ...languagesOf(record).map((language): [FacetName, string] => ['language', language]),
    ...(record.type === 'instrument' ? (record.data.instrumentTypes ?? []) : []).map((kind): [FacetName, string] => ['instrument', kind]),
    ...creatorsOf(record, site.context).map((creator): [FacetName, string] => ['creator', creator.name]),
    ['year', date?.slice(0, 4)],
    ['status', statusOf(record)],
  ];
  const meta: [string, string | undefined][] = [
    [META.type, recordTypes[record.type].label],
    [META.date, date && formatDate(date)],
  ];
  return {
    filters: entries.flatMap(([name, value]) => (value ? [{ name, value }] : [])),
    meta: meta.flatMap(([name, value]) => (value ? [{ name, value }] : [])),
    date,
    weights: {
      title: record.type === 'run' ? WEIGHTS.runTitle : WEIGHTS.title,
      keywords: WEIGHTS.keywords,
      description: WEIGHTS.description,
    },
  };
}

/**
 * Catalogs of up to this many records show, beside each filter value, how many
 * results it has. Pagefind counts them in every search once its filters are
 * loaded, at a cost that grows with results times filters: measured on the
 * search page in Chromium, 0.4–0.7 s a query at 10,000 records but 19–38 s at
 * 100,000. Larger catalogs list the values without counts.
 */
export const COUNTED_RECORDS = 20_000;

/** The filter values the search page lists without counts; undefined where Pagefind counts them. */
export function uncountedFacetValues(site: Site, countedRecords = COUNTED_RECORDS): Partial<Record<FacetName, string[]>> | undefined {
  if (site.published.length <= countedRecords) return undefined;
  const values = new Map<FacetName, Set<string>>();
  for (const record of site.published) {
    for (const { name, value } of searchFacets(record, site).filters) {
      if (name === FILTERS.record) continue;
      if (!values.has(name)) values.set(name, new Set());
      values.get(name)!.add(value);
    }
  }
  return Object.fromEntries([...values].map(([name, set]) => [name, [...set]]));
}
