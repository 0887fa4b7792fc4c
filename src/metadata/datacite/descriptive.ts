/** Dates, sizes and formats, subjects and descriptions, rights, places and funding. */
import type { FileEntry } from '../../schema/index.ts';
import { resolveAgent } from '../common/agents.ts';
import { failureStatements } from '../common/failures.ts';
import { descriptionOf, isWithdrawn, licenseOf, type PublishedRecord } from '../common/record-facts.ts';
import { runCodeOf } from '../../catalog/run-code.ts';
import type { MetadataContext } from '../context.ts';
import { SCHEMES, type DateEntry, type Description, type DescriptionType, type FundingReference, type GeoLocation, type Rights, type Subject } from './types.ts';
import { accessRights } from './vocabulary.ts';
import { instrumentDates, instrumentSubjects, instrumentTechnicalInfo } from './instrument.ts';

/** RKMS-ISO8601 range, as DataCite asks for Coverage; a missing end leaves the range open. */
function range(start: string | undefined, end: string | undefined): string | undefined {
  if (!start && !end) return undefined;
  return start === end ? start : `${start ?? ''}/${end ?? ''}`;
}

export function datesOf(record: PublishedRecord): DateEntry[] {
  const { datePublished, dateModified, status } = record.data;
  const dates: DateEntry[] = [];
  if (datePublished) dates.push({ date: datePublished, dateType: 'Issued' });
  if (dateModified) dates.push({ date: dateModified, dateType: 'Updated' });
  if (record.type === 'run') dates.push({ date: record.data.startTime, dateType: 'Created' });
  if (record.type === 'project') {
    // The official project example states the project's duration as Coverage.
    const period = range(record.data.startDate, record.data.endDate);
    if (period) dates.push({ date: period, dateType: 'Coverage' });
  }
  if (record.type === 'dataset') {
    const { temporalCoverage, access } = record.data;
    const coverage = range(temporalCoverage?.start, temporalCoverage?.end);
    if (coverage) dates.push({ date: coverage, dateType: 'Coverage' });
    // DataCite: "To indicate the end of an embargo period, use Available."
    if (access?.embargoEnd) dates.push({ date: access.embargoEnd, dateType: 'Available' });
  }
  dates.push(...instrumentDates(record));
  if (isWithdrawn(record) && status?.date) dates.push({ date: status.date, dateType: 'Withdrawn' });
  return dates;
}

// ---------------------------------------------------------------- files

export function filesOf(record: PublishedRecord): FileEntry[] {
  switch (record.type) {
    case 'dataset':
    case 'model':
      return record.data.files ?? [];
    case 'run':
      // Outputs that are records have their own DataCite metadata; file artifacts belong to the run.
      return (record.data.outputs ?? []).filter((output): output is FileEntry => typeof output !== 'string');
    case 'project':
    case 'software':
    case 'workflow':
    case 'instrument':
      return [];
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function sizesOf(files: FileEntry[]): string[] {
  if (!files.length) return [];
  const bytes = files.reduce((total, file) => total + file.size, 0);
  return [plural(bytes, 'byte'), plural(files.length, 'file')];
}

export function formatsOf(files: FileEntry[]): string[] {
  return [...new Set(files.map((file) => file.mediaType))];
}

// ---------------------------------------------------------------- texts

export function subjectsOf(record: PublishedRecord, lang: string): Subject[] {
  const terms = [...(record.data.keywords ?? []), ...(record.type === 'run' ? (record.data.tags ?? []) : []), ...instrumentSubjects(record)];
  return [...new Set(terms)].map((subject) => ({ subject, lang }));
}

function withdrawalNote(record: PublishedRecord): string | undefined {
  if (!isWithdrawn(record)) return undefined;
  const { date, reason } = record.data.status ?? {};
  return [`This ${record.type} was withdrawn${date ? ` on ${date}` : ''}.`, reason].filter(Boolean).join(' ');
}

function modelTechnicalInfo(record: PublishedRecord): string | undefined {
  if (record.type !== 'model') return undefined;
  const { task, modelCategory, architecture, framework } = record.data;
  return [
    `Task: ${task}.`,
    modelCategory && `Model category: ${modelCategory}.`,
    architecture && `Architecture: ${architecture}.`,
    framework && `Framework: ${[framework.name, framework.version].filter(Boolean).join(' ')}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

function runMethods(record: PublishedRecord, context: MetadataContext): string | undefined {
  if (record.type !== 'run') return undefined;
  const { runStatus, parameters } = record.data;
  const code = runCodeOf(record, context.graph);
  const entries = Object.entries(parameters ?? {});
  return [
    `Run status: ${runStatus}.`,
    code && `Code: ${code.software ? `${code.software.data.title}, ` : ''}${code.repository} at commit ${code.commit}${code.entryPoint ? `, entry point ${code.entryPoint}` : ''}.`,
    entries.length && `Parameters: ${entries.map(([name, value]) => `${name} = ${String(value)}`).join('; ')}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** DataCite's TechnicalInfo is where software states "necessary environmental information": its languages and requirements. */
function softwareTechnicalInfo(record: PublishedRecord): string | undefined {
  if (record.type !== 'software') return undefined;
  const { programmingLanguages, runtimeRequirements } = record.data;
  const parts = [
    programmingLanguages?.length && `Programming languages: ${programmingLanguages.join(', ')}.`,
    runtimeRequirements?.length && `Requirements: ${runtimeRequirements.join(', ')}.`,
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

function runEnvironment(record: PublishedRecord): string | undefined {
  if (record.type !== 'run' || !record.data.environment) return undefined;
  const { language, frameworks, hardware } = record.data.environment;
  const libraries = Object.entries(frameworks ?? {}).map(([name, version]) => `${name} ${version}`);
  const parts = [
    language && `Language: ${language}.`,
    libraries.length && `Libraries: ${libraries.join(', ')}.`,
    hardware && `Hardware: ${hardware}.`,
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

export function descriptionsOf(record: PublishedRecord, lang: string, context: MetadataContext): Description[] {
  const texts: [DescriptionType, string | undefined][] = [
    ['Abstract', descriptionOf(record)],
    ['Methods', record.type === 'dataset' ? record.data.measurementTechnique : runMethods(record, context)],
    ['TechnicalInfo', modelTechnicalInfo(record) ?? runEnvironment(record) ?? instrumentTechnicalInfo(record) ?? softwareTechnicalInfo(record)],
    // What failed, and known failure modes and problems, are facts about using the resource: TechnicalInfo, one each.
    ...failureStatements(record).map((statement): [DescriptionType, string] => ['TechnicalInfo', statement]),
    ['Other', withdrawalNote(record)],
  ];
  return texts.flatMap(([descriptionType, description]) => (description ? [{ description, descriptionType, lang }] : []));
}


export function rightsOf(record: PublishedRecord, context: MetadataContext): Rights[] {
  const license = licenseOf(record, context);
  const rights: Rights[] = [
    license.id
      ? { rights: license.name, rightsUri: license.url, rightsIdentifier: license.id, rightsIdentifierScheme: 'SPDX', schemeUri: SCHEMES.spdx }
      : { rights: license.name, rightsUri: license.url },
  ];
  if (record.type === 'dataset' && record.data.access) {
    const { level, conditions } = record.data.access;
    const { label, uri } = accessRights[level];
    rights.push({ rights: conditions ? `${label}. ${conditions}` : label, rightsUri: uri });
  }
  return rights;
}

export function geoLocationsOf(record: PublishedRecord): GeoLocation[] {
  if (record.type !== 'dataset' || !record.data.spatialCoverage) return [];
  const { name, box } = record.data.spatialCoverage;
  if (!box) return [{ geoLocationPlace: name }];
  const [south, west, north, east] = box;
  return [
    {
      geoLocationPlace: name,
      geoLocationBox: { westBoundLongitude: west, eastBoundLongitude: east, southBoundLatitude: south, northBoundLatitude: north },
    },
  ];
}

/** A project's grants fund what is part of it, so datasets, models and runs repeat the project's funding. */
export function fundingOf(record: PublishedRecord, context: MetadataContext): FundingReference[] {
  const projectId = record.type === 'project' ? record.id : context.graph.outgoing(record.id, 'partOf')[0]?.to;
  const project = projectId ? context.graph.get(projectId, 'project') : undefined;
  return (project?.data.funding ?? []).flatMap(({ funder, awardNumber, awardTitle, awardUri }) => {
    const organization = resolveAgent(context, funder);
    if (!organization) return [];
    const identifier = organization.ror
      ? { funderIdentifier: organization.ror, funderIdentifierType: 'ROR' as const, schemeUri: SCHEMES.ror }
      : {};
    return [{ funderName: organization.name, ...identifier, awardNumber, awardUri, awardTitle }];
  });
}

