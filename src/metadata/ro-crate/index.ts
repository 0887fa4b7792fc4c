/**
 * RO-Crate 1.2 for a whole project: one package describing its datasets,
 * models and files, and each run as a Process Run Crate 0.5 action, with the
 * people, organizations and licences involved as contextual entities.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import { doiUrl } from '../../schema/common/identifiers.ts';
import { resolveAgent } from '../common/agents.ts';
import { creatorsOf, publicationDate, publisherOf, type PublishedRecord } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { mergeProperties, registeredDoi } from '../schema-org/citable.ts';
import { projectParts } from '../schema-org/project.ts';
import { relatedProperty } from '../schema-org/vocabulary.ts';
import type { Serializer } from '../types.ts';
import { actionRef } from './actions.ts';
import { agentRef, agentRefs, datasetRef, externalRef, licenseRef, modelRef, type CrateBuilder } from './entities.ts';
import { CrateGraph, entity, referencedIds, types, type CrateEntity, type IdReference } from './graph.ts';

export const RO_CRATE_1_2 = 'https://w3id.org/ro/crate/1.2';
export const RO_CRATE_CONTEXT = 'https://w3id.org/ro/crate/1.2/context';
export const PROCESS_RUN_CRATE = 'https://w3id.org/ro/wfrun/process/0.5';
export const METADATA_FILE = 'ro-crate-metadata.json';

export type RoCrateContext = string | [string, Record<string, string>];

export interface RoCrate {
  '@context': RoCrateContext;
  '@graph': CrateEntity[];
}

/**
 * Terms the RO-Crate context lacks, added to it (as RO-Crate allows) only
 * when the crate uses them: FAIR4ML for models, Croissant's md5 for files
 * that publish only an MD5 sum.
 */
const extensionTerms: { term: string; iri: string; usedBy(names: ReadonlySet<string>): boolean }[] = [
  { term: 'fair4ml', iri: 'https://w3id.org/fair4ml#', usedBy: (names) => [...names].some((name) => name.startsWith('fair4ml:')) },
  { term: 'md5', iri: 'http://mlcommons.org/croissant/md5', usedBy: (names) => names.has('md5') },
];

function crateContext(entities: readonly CrateEntity[]): RoCrateContext {
  const names = new Set(entities.flatMap((entity) => [...Object.keys(entity), ...types(entity)]));
  const used = extensionTerms.filter((extension) => extension.usedBy(names));
  if (!used.length) return RO_CRATE_CONTEXT;
  return [RO_CRATE_CONTEXT, Object.fromEntries(used.map(({ term, iri }) => [term, iri]))];
}

function grantRefs(builder: CrateBuilder, project: CatalogRecord<'project'>): IdReference[] {
  const landing = builder.context.landingUrl(project);
  return (project.data.funding ?? []).map((funding, index) => {
    const funder = resolveAgent(builder.context, funding.funder);
    return builder.graph.add(
      entity(funding.awardUri ?? `${landing}#grant-${index + 1}`, 'Grant', {
        name: funding.awardTitle,
        identifier: funding.awardNumber,
        url: funding.awardUri,
        funder: funder && agentRef(builder, funder),
      }),
    );
  });
}

function relatedRefs(builder: CrateBuilder, project: CatalogRecord<'project'>): Record<string, IdReference[]> {
  const properties: Record<string, IdReference[]> = {};
  for (const related of project.data.relatedIdentifiers ?? []) {
    (properties[relatedProperty(related.relationType)] ??= []).push(externalRef(builder, related.identifier));
  }
  return properties;
}

/** The project's datasets, models and runs, each described in full. */
function describeParts(builder: CrateBuilder, project: CatalogRecord<'project'>): void {
  for (const part of projectParts(project, builder.context)) {
    if (part.type === 'dataset') datasetRef(builder, part);
    else if (part.type === 'model') modelRef(builder, part);
    else if (part.type === 'run') actionRef(builder, part);
  }
}

const isDataEntity = (described: CrateEntity) => types(described).some((type) => type === 'Dataset' || type === 'File');

/** Data entities not reached through another entity's hasPart: RO-Crate wants every one linked from the root. */
function topLevelDataEntities(entities: readonly CrateEntity[]): IdReference[] {
  const contained = new Set(entities.flatMap((entity) => referencedIds(entity['hasPart'])));
  return entities.filter((described) => isDataEntity(described) && !contained.has(described['@id'])).map((part) => ({ '@id': part['@id'] }));
}

export function roCrateDocument(project: CatalogRecord<'project'>, context: MetadataContext): RoCrate {
  const builder: CrateBuilder = { graph: new CrateGraph(), context };
  const { graph } = builder;
  const { data } = project;
  const doi = registeredDoi(project, context);
  const publisher = publisherOf(context);
  const specification = graph.add(entity(RO_CRATE_1_2, 'CreativeWork', { name: 'RO-Crate', version: '1.2' }));
  const profile = graph.add(entity(PROCESS_RUN_CRATE, 'CreativeWork', { name: 'Process Run Crate', version: '0.5' }));
  const contributors = [...new Set((data.contributors ?? []).map((contributor) => contributor.agent))];
  const rootProperties = {
    name: data.title,
    description: data.summary,
    // RO-Crate requires a date; a project without one is published by this build.
    datePublished: publicationDate(project) ?? new Date().toISOString().slice(0, 10),
    license: licenseRef(builder, project),
    conformsTo: profile,
    url: context.landingUrl(project),
    identifier: doi && doiUrl(doi),
    creator: creatorsOf(project, context).map((agent) => agentRef(builder, agent)),
    contributor: agentRefs(builder, contributors),
    publisher: publisher && agentRef(builder, publisher),
    funder: agentRefs(builder, data.funding?.map((funding) => funding.funder)),
    funding: grantRefs(builder, project),
    keywords: data.keywords,
  };
  const related = relatedRefs(builder, project);
  describeParts(builder, project);
  const entities = graph.all();
  const parts = {
    hasPart: topLevelDataEntities(entities),
    mentions: entities.filter((described) => types(described).includes('CreateAction')).map((action) => ({ '@id': action['@id'] })),
  };
  // Related identifiers may name the same properties (a DataCite HasPart); their values join, none is replaced.
  const root = entity('./', 'Dataset', mergeProperties(rootProperties, related, parts));
  const descriptor = entity(METADATA_FILE, 'CreativeWork', { conformsTo: specification, about: { '@id': './' } });
  const all = [descriptor, root, ...entities];
  return { '@context': crateContext(all), '@graph': all };
}

export const roCrate: Serializer<RoCrate> = {
  id: 'ro-crate',
  label: 'RO-Crate 1.2 (Process Run Crate)',
  fileName: METADATA_FILE,
  mediaType: 'application/ld+json',
  profile: RO_CRATE_1_2,
  appliesTo: (record: PublishedRecord) => record.type === 'project',
  build(record, context) {
    if (record.type !== 'project') throw new Error(`an RO-Crate packages a project, not the ${record.type} "${record.id}"`);
    return roCrateDocument(record, context);
  },
  render: (crate) => `${JSON.stringify(crate, null, 2)}\n`,
};
