/**
 * Everything a landing page shows, computed from the core: the template only
 * lays it out. One function per page kind, no metadata built in templates.
 */
import { resolveAgent, type ResolvedAgent } from '../metadata/common/agents.ts';
import { creatorsOf, doiOf, isWithdrawn, licenseOf, type License, type PublishedRecord } from '../metadata/common/record-facts.ts';
import { serializersFor } from '../metadata/index.ts';
import { doiUrl } from '../schema/common/identifiers.ts';
import { recordTypes } from '../schema/index.ts';
import { citationsOf, pagePartsOf } from '../pipeline/page-parts.ts';
import type { Site } from '../site/site.ts';
import { landingPath } from '../catalog/urls.ts';
import { factsOf, type Fact } from './facts.ts';
import { historyOf, type HistoryView } from './history.ts';
import { formatDate, formatNumber, formatScalar, humanSize } from './format.ts';
import { recordHead, type HeadData } from './head.ts';
import { linkTo, type RecordLink } from './links.ts';
import { leaderboards, runComparison, type Leaderboard, type RunComparison } from './comparison.ts';
import { projectLineage, recordLineage, type LineageView } from './lineage-view.ts';
import { projectInstruments, type InstrumentRow } from './project-instruments.ts';
import { runCharts, sweepViews, type ChartView, type SweepView } from './run-charts.ts';
import { relatedGroups, type RelatedGroup } from './related.ts';
import { responsibleAiEntries, type ResponsibleAiEntry } from './responsible-ai.ts';
import { failuresView, type FailuresView } from './failures.ts';
import { publicationGroups, type PublicationGroup } from './publications.ts';
import { searchFacets, type SearchFacets } from './search-facets.ts';

export interface AgentView {
  name: string;
  href: string;
  orcid?: string;
  ror?: string;
  affiliations: { name: string; href: string; ror?: string }[];
  role?: string;
}

export interface FileView {
  name: string;
  url: string;
  mediaType: string;
  size: number;
  humanSize: string;
  checksums: { algorithm: 'SHA-256' | 'MD5'; value: string }[];
  description?: string;
}

export interface RecordPage {
  id: string;
  type: PublishedRecord['type'];
  typeLabel: string;
  title: string;
  /** The abstract shown under the title: a project's summary, another record's description. */
  description?: string;
  head: HeadData;
  withdrawn?: { date?: string; reason?: string };
  creators: AgentView[];
  contributors: AgentView[];
  version?: string;
  dates: Fact[];
  doi?: { doi: string; url: string };
  license: License;
  access?: { level: string; conditions?: string; embargoEnd?: string };
  keywords: string[];
  facts: Fact[];
  bodyHtml: string;
  files: FileView[];
  variables: { name: string; description?: string; unit?: string; type?: string }[];
  /** A dataset's responsible-AI facts (Croissant RAI), as stated. */
  responsibleAi: ResponsibleAiEntry[];
  /** What failed (a run), known failure modes (a model) or known problems (a dataset). */
  failures?: FailuresView;
  /** Papers the record builds on, that report it or cite it, by relation. */
  publications: PublicationGroup[];
  parameters: [string, string][];
  metrics: [string, string][];
  charts: ChartView[];
  project?: { comparison?: RunComparison; leaderboards: Leaderboard[]; sweeps: SweepView[]; instruments: InstrumentRow[] };
  evaluation: { dataset: RecordLink; split?: string; metric: string; value: string }[];
  related: RelatedGroup[];
  lineage?: LineageView;
  citation: { styles: { id: string; label: string; html: string }[]; bibtex: string };
  exports: { label: string; href: string; fileName: string; mediaType: string }[];
  search: SearchFacets;
  history: HistoryView;
}

function agentView(agent: ResolvedAgent, role?: string): AgentView {
  return {
    name: agent.name,
    href: agent.pageUrl,
    orcid: agent.orcid,
    ror: agent.ror,
    affiliations: agent.affiliations.map((affiliation) => ({ name: affiliation.name, href: affiliation.pageUrl, ror: affiliation.ror })),
    role,
  };
}

function fileViews(record: PublishedRecord): FileView[] {
  if (isWithdrawn(record) || !('files' in record.data)) return [];
  return (record.data.files ?? []).map((file) => ({
    name: file.name,
    url: file.url,
    mediaType: file.mediaType,
    size: file.size,
    humanSize: humanSize(file.size),
    checksums: [
      ...(file.sha256 ? [{ algorithm: 'SHA-256' as const, value: file.sha256 }] : []),
      ...(file.md5 ? [{ algorithm: 'MD5' as const, value: file.md5 }] : []),
    ],
    description: file.description,
  }));
}

function datesOf(record: PublishedRecord): Fact[] {
  const { datePublished, dateModified } = record.data;
  return [
    ...(datePublished ? [{ label: 'Published', value: formatDate(datePublished) }] : []),
    ...(dateModified ? [{ label: 'Updated', value: formatDate(dateModified) }] : []),
  ];
}

export async function recordPage(record: PublishedRecord, site: Site): Promise<RecordPage> {
  const { context } = site;
  const data = record.data;
  const registered = doiOf(record, context);
  const withdrawn = isWithdrawn(record);
  const run = record.type === 'run' ? record.data : undefined;
  const model = record.type === 'model' ? record.data : undefined;
  const parts = await pagePartsOf(record, site);
  return {
    id: record.id,
    type: record.type,
    typeLabel: recordTypes[record.type].label,
    title: data.title,
    description: record.type === 'project' ? record.data.summary : record.data.description,
    head: recordHead(record, site, parts.schemaOrg),
    withdrawn: withdrawn ? { date: data.status?.date, reason: data.status?.reason } : undefined,
    creators: creatorsOf(record, context).map((agent) => agentView(agent)),
    contributors: ('contributors' in data ? (data.contributors ?? []) : []).flatMap(({ agent, role }) => {
      const resolved = resolveAgent(context, agent);
      return resolved ? [agentView(resolved, role)] : [];
    }),
    version: data.version,
    dates: datesOf(record),
    doi: registered?.registered ? { doi: registered.doi, url: doiUrl(registered.doi) } : undefined,
    license: licenseOf(record, context),
    access: record.type === 'dataset' ? record.data.access : undefined,
    // A run's tags are its keywords: shown, and weighed in search, the same way.
    keywords: [...new Set([...(data.keywords ?? []), ...(run?.tags ?? [])])],
    facts: factsOf(record as never, site),
    bodyHtml: parts.bodyHtml,
    files: fileViews(record),
    variables: record.type === 'dataset' ? (record.data.variables ?? []) : [],
    responsibleAi: record.type === 'dataset' ? responsibleAiEntries(record.data.responsibleAI) : [],
    failures: failuresView(record),
    publications: publicationGroups(record, context),
    parameters: Object.entries(run?.parameters ?? {}).map(([name, value]) => [name, formatScalar(value)]),
    metrics: Object.entries(run?.metrics ?? {}).map(([name, value]) => [name, formatNumber(value)]),
    charts: record.type === 'run' ? runCharts(record) : [],
    project:
      record.type === 'project'
        ? { comparison: runComparison(site, record.id), leaderboards: leaderboards(site, record.id), sweeps: sweepViews(site, record.id), instruments: projectInstruments(site, record.id) }
        : undefined,
    evaluation: (model?.evaluation ?? []).map((result) => ({
      dataset: linkTo(site, result.dataset),
      split: result.split,
      metric: result.metric,
      value: formatNumber(result.value),
    })),
    related: relatedGroups(site, record.id),
    lineage: record.type === 'project' ? projectLineage(site, record.id) : recordLineage(site, record.id),
    citation: {
      styles: citationsOf(parts),
      bibtex: parts.bibtex,
    },
    search: searchFacets(record, site),
    history: historyOf(record, site),
    exports: serializersFor(record).map((serializer) => ({
      label: serializer.label,
      href: `${landingPath(record.type, record.id)}${serializer.fileName}`,
      fileName: serializer.fileName,
      mediaType: serializer.mediaType,
    })),
  };
}
