/**
 * The key facts table of each landing page: one row builder per record type,
 * each row a label and a value (with a link where there is one).
 */
import type { CatalogRecord } from '../catalog/load.ts';
import type { PublishedType } from '../schema/index.ts';
import { workflowLanguageLabels } from '../schema/workflow.ts';
import type { Site } from '../site/site.ts';
import { formatDate, formatDuration, formatNumber } from './format.ts';
import { linkTo } from './links.ts';
import { commitUrl } from '../publishing/git-history.ts';
import { runCodeOf, type RunCode } from '../catalog/run-code.ts';
import { landingPath } from '../catalog/urls.ts';
import { stepOf } from '../catalog/workflow-runs.ts';

export interface Fact {
  label: string;
  value: string;
  href?: string;
}

type FactBuilder<T extends PublishedType> = (record: CatalogRecord<T>, site: Site) => (Fact | undefined)[];

const optional = (label: string, value: string | undefined, href?: string): Fact | undefined => (value ? { label, value, href } : undefined);

/** Where the run's code is, at its commit. */
function codeFact(code: RunCode | undefined): Fact | undefined {
  return code && { label: 'Code', value: `${code.repository.replace(/^https?:\/\//, '')} @ ${code.commit.slice(0, 10)}`, href: commitUrl(code.repository, code.commit) };
}

/** The software record a run names as its code, as a linked fact. */
function softwareFact(run: CatalogRecord<'run'> | undefined, site: Site, label: string): Fact | undefined {
  const software = run && runCodeOf(run, site.graph)?.software;
  return software && { label, value: software.data.title, href: landingPath(software.type, software.id) };
}

/** The run that trained a model, when it ran a software record of the catalog. */
function trainingRun(modelId: string, site: Site): CatalogRecord<'run'> | undefined {
  const runId = site.graph.generatorOf(modelId);
  return runId ? site.graph.get(runId, 'run') : undefined;
}

/** For a step run: which step of which workflow it executed, linked to the workflow. */
function stepFact(run: CatalogRecord<'run'>, site: Site): Fact | undefined {
  const found = stepOf(site.graph, run);
  if (!found) return undefined;
  const position = found.workflow.data.steps.findIndex((step) => step.id === run.data.step) + 1;
  const link = linkTo(site, found.workflow.id);
  return { label: 'Workflow step', value: `${run.data.step} (step ${position} of ${found.workflow.data.steps.length} of ${link.title})`, href: link.href };
}

const factBuilders: { [T in PublishedType]: FactBuilder<T> } = {
  project: ({ data }, site) => [
    optional('Status', data.projectStatus),
    optional('Started', data.startDate && formatDate(data.startDate)),
    optional('Ended', data.endDate && formatDate(data.endDate)),
    optional('Code', data.repository, data.repository),
    ...(data.funding ?? []).map((funding) => ({
      label: 'Funding',
      value: [linkTo(site, funding.funder).title, funding.awardNumber, funding.awardTitle].filter(Boolean).join(' · '),
      href: funding.awardUri,
    })),
  ],
  dataset: ({ data }) => [
    optional('Temporal coverage', data.temporalCoverage && [data.temporalCoverage.start, data.temporalCoverage.end].map((date) => (date ? formatDate(date) : '…')).join(' – ')),
    optional('Spatial coverage', data.spatialCoverage?.name),
    optional('Measurement technique', data.measurementTechnique),
  ],
  model: ({ id, data }, site) => [
    optional('Task', data.task),
    optional('Model category', data.modelCategory),
    optional('Architecture', data.architecture),
    optional('Framework', data.framework && [data.framework.name, data.framework.version].filter(Boolean).join(' ')),
    optional('Intended use', data.intendedUse),
    optional('Limitations and risks', data.limitations),
    softwareFact(trainingRun(id, site), site, 'Trained with'),
    optional(
      'Training emissions',
      data.emissions &&
        [`${formatNumber(data.emissions.co2eKg)} kg CO₂e`, data.emissions.hours && `${formatNumber(data.emissions.hours)} h`, data.emissions.hardware, data.emissions.region]
          .filter(Boolean)
          .join(' · '),
    ),
  ],
  run: (run, site) => [
    { label: 'Status', value: run.data.runStatus },
    { label: 'Started', value: formatDate(run.data.startTime) },
    optional('Ended', run.data.endTime && formatDate(run.data.endTime)),
    optional('Duration', run.data.endTime && formatDuration(run.data.startTime, run.data.endTime)),
    softwareFact(run, site, 'Software'),
    codeFact(runCodeOf(run, site.graph)),
    optional('Entry point', run.data.code?.entryPoint),
    optional('Language', run.data.environment?.language),
    optional('Frameworks', run.data.environment?.frameworks && Object.entries(run.data.environment.frameworks).map(([name, version]) => `${name} ${version}`).join(', ')),
    optional('Hardware', run.data.environment?.hardware),
    stepFact(run, site),
  ],
  software: ({ data }) => [

    optional('Code', data.repository.replace(/^https?:\/\//, '') + (data.commit ? ` @ ${data.commit.slice(0, 10)}` : ''), data.commit ? commitUrl(data.repository, data.commit) : data.repository),
    optional('Languages', data.programmingLanguages?.join(', ')),
    optional('Requirements', data.runtimeRequirements?.join(', ')),
    optional('Documentation', data.documentation, data.documentation),
  ],
  workflow: ({ data }) => [
    { label: 'Language', value: workflowLanguageLabels[data.language] },
    optional('File', data.file),
    optional('Code', data.repository && data.repository.replace(/^https?:\/\//, '') + (data.commit ? ` @ ${data.commit.slice(0, 10)}` : ''), data.repository && (data.commit ? commitUrl(data.repository, data.commit) : data.repository)),
    { label: 'Steps', value: data.steps.map((step) => step.id).join(' → ') },
  ],
  instrument: ({ data }, site) => [
    optional('Type', data.instrumentTypes?.join(', ')),
    optional('Model', data.model?.name, data.model?.identifier),
    { label: 'Manufacturer', value: data.manufacturers.map((id) => linkTo(site, id).title).join(', ') },
    { label: 'Owner', value: data.owners.map((id) => linkTo(site, id).title).join(', ') },
    optional('Measures', data.measuredVariables?.join(', ')),
    optional('In use', data.commissioned && `${formatDate(data.commissioned)} – ${data.decommissioned ? formatDate(data.decommissioned) : 'today'}`),
  ],
};

export function factsOf<T extends PublishedType>(record: CatalogRecord<T>, site: Site): Fact[] {
  return (factBuilders[record.type] as FactBuilder<T>)(record, site).filter((fact): fact is Fact => fact !== undefined);
}
