/** Listing pages: one row per record with the columns that matter for its type. */
import type { AnyRecord } from '../catalog/load.ts';
import { descriptionOf, isPublished, licenseOf, publicationDate } from '../metadata/common/record-facts.ts';
import { recordTypes, type RecordType } from '../schema/index.ts';
import type { Site } from '../site/site.ts';
import { landingPath } from '../catalog/urls.ts';
import { formatNumber, humanSize } from './format.ts';

export interface ListingRow {
  title: string;
  href: string;
  summary?: string;
  date?: string;
  columns: string[];
  withdrawn: boolean;
}

export interface Listing {
  type: RecordType;
  title: string;
  columns: string[];
  rows: ListingRow[];
}

type Columns = { headers: string[]; values(record: AnyRecord, site: Site): string[] };

function bestEvaluation(record: AnyRecord): string {
  if (record.type !== 'model' || !record.data.evaluation?.length) return '';
  const [first] = record.data.evaluation;
  return `${first!.metric} ${formatNumber(first!.value)}`;
}

const columnsByType: Partial<Record<RecordType, Columns>> = {
  dataset: {
    headers: ['Version', 'Licence', 'Size'],
    values: (record, site) =>
      record.type === 'dataset'
        ? [record.data.version ?? '', licenseOf(record, site.context).id ?? 'other', humanSize((record.data.files ?? []).reduce((sum, file) => sum + file.size, 0))]
        : [],
  },
  model: {
    headers: ['Task', 'Framework', 'Score'],
    values: (record) => (record.type === 'model' ? [record.data.task ?? '', record.data.framework?.name ?? '', bestEvaluation(record)] : []),
  },
  run: {
    headers: ['Status', 'Key metrics'],
    values: (record) =>
      record.type === 'run'
        ? [record.data.runStatus, Object.entries(record.data.metrics ?? {}).slice(0, 2).map(([name, value]) => `${name} ${formatNumber(value)}`).join(', ')]
        : [],
  },
  project: {
    headers: ['Status'],
    values: (record) => (record.type === 'project' ? [record.data.projectStatus ?? ''] : []),
  },
  person: {
    headers: ['ORCID iD'],
    values: (record) => (record.type === 'person' ? [record.data.orcid ?? ''] : []),
  },
};

export function listing(site: Site, type: RecordType): Listing {
  const columns = columnsByType[type] ?? { headers: [], values: () => [] };
  const records = [...site.catalog.records.values()].filter((record) => record.type === type);
  const rows = records.map((record): ListingRow => {
    const published = isPublished(record) ? record : undefined;
    return {
      title: String('title' in record.data ? record.data.title : record.data.name),
      href: landingPath(record.type, record.id),
      summary: published && descriptionOf(published),
      date: published && publicationDate(published),
      columns: columns.values(record, site),
      withdrawn: published?.data.status?.state === 'withdrawn',
    };
  });
  rows.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title));
  return { type, title: recordTypes[type].plural, columns: columns.headers, rows };
}
