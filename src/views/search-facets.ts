/** What Pagefind filters, sorts and shows search results by, per record. */
import { creatorsOf, licenseOf, publicationDate, type PublishedRecord } from '../metadata/common/record-facts.ts';
import { recordTypes } from '../schema/index.ts';
import type { Site } from '../site/site.ts';

export interface SearchFacets {
  filters: { name: string; value: string }[];
  meta: { name: string; value: string }[];
  date?: string;
}

function statusOf(record: PublishedRecord): string {
  if (record.data.status?.state === 'withdrawn') return 'withdrawn';
  return record.type === 'run' ? record.data.runStatus : 'published';
}

export function searchFacets(record: PublishedRecord, site: Site): SearchFacets {
  const projectId = record.type === 'project' ? undefined : record.data.project;
  const project = projectId ? site.graph.get(projectId, 'project')?.data.title : undefined;
  const date = publicationDate(record);
  const framework = record.type === 'model' ? record.data.framework?.name : undefined;
  const entries: [string, string | undefined][] = [
    ['type', recordTypes[record.type].label],
    ['project', project],
    ['licence', licenseOf(record, site.context).id ?? 'other'],
    ['task', record.type === 'model' ? record.data.task : undefined],
    ['framework', framework],
    ...creatorsOf(record, site.context).map((creator): [string, string] => ['creator', creator.name]),
    ['year', date?.slice(0, 4)],
    ['status', statusOf(record)],
  ];
  return {
    filters: entries.flatMap(([name, value]) => (value ? [{ name, value }] : [])),
    meta: [
      { name: 'type', value: recordTypes[record.type].label },
      ...(project ? [{ name: 'project', value: project }] : []),
    ],
    date,
  };
}
