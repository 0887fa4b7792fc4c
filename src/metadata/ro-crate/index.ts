/**
 * RO-Crate 1.1 for a whole project: one package describing its datasets,
 * models and files, and each run as a Process Run Crate 0.5 action, with the
 * people, organizations and licences involved as contextual entities.
 * Process Run Crate 0.5 is a profile of RO-Crate 1.1 (its 0.6 is of 1.3, which
 * rocrate-validator does not check yet; no run profile is defined on 1.2):
 * README, "RO-Crate", says why this pairing.
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
import { dataCollectionRef, equipmentRef } from './equipment.ts';
import { agentRef, agentRefs, datasetRef, externalRef, licenseRef, modelRef, type CrateBuilder } from './entities.ts';
import { crateContext, crateTerm, type RoCrateContext } from './context.ts';
import { CrateGraph, entity, types, type CrateEntity, type IdReference } from './graph.ts';

export const RO_CRATE_SPECIFICATION = 'https://w3id.org/ro/crate/1.1';
export const PROCESS_RUN_CRATE = 'https://w3id.org/ro/wfrun/process/0.5';
export const METADATA_FILE = 'ro-crate-metadata.json';

export interface RoCrate {
  '@context': RoCrateContext;
  '@graph': CrateEntity[];
}


function grantRefs(builder: CrateBuilder, project: CatalogRecord<'project'>): IdReference[] {
  const landing = builder.context.landingUrl(project);
  return (project.data.funding ?? []).map((funding, index) => {
    const funder = resolveAgent(builder.context, funding.funder);
    return builder.graph.add(
      entity(funding.awardUri ?? `${landing}#grant-${index + 1}`, 'Grant', {
        name: funding.awardTitle ?? (funding.awardNumber ? `Grant ${funding.awardNumber}` : `Grant ${index + 1} of ${project.data.title}`),
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
    (properties[crateTerm(relatedProperty(related.relationType))] ??= []).push(externalRef(builder, related.identifier));
  }
  return properties;
}

/** The project's datasets (with the action that collected them), models, runs and instruments, each described in full. */
function describeParts(builder: CrateBuilder, project: CatalogRecord<'project'>): void {
  for (const part of projectParts(project, builder.context)) {
    if (part.type === 'dataset') dataCollectionRef(builder, part, datasetRef(builder, part));
    else if (part.type === 'model') modelRef(builder, part);
    else if (part.type === 'run') actionRef(builder, part);
    else if (part.type === 'instrument') equipmentRef(builder, part);
  }
}

/** Runs (CreateAction) and data collections by instruments (Action, equipment.ts): what the root mentions. */
const actionTypes = new Set(['CreateAction', 'Action']);

const isDataEntity = (described: CrateEntity) => types(described).some((type) => type === 'Dataset' || type === 'File');

/**
 * Every data entity, listed on the root itself: RO-Crate accepts files
 * reached through their dataset's hasPart, but ro-crate-py descends only
 * into entities typed exactly Dataset, so a model's files would be lost.
 */
export function dataEntities(entities: readonly CrateEntity[]): IdReference[] {
  return entities.filter(isDataEntity).map((part) => ({ '@id': part['@id'] }));
}

/** The record's persistent identifier (its DOI, else its page) as a PropertyValue, as Science On Schema.org and RO-Crate 1.2 recommend. */
export function identifierRef(builder: CrateBuilder, project: PublishedRecord): IdReference {
  const doi = registeredDoi(project, builder.context);
  const url = doi ? doiUrl(doi) : builder.context.landingUrl(project);
  return builder.graph.add(
    entity(`#identifier-${doi ? 'doi' : 'url'}`, 'PropertyValue', {
      name: doi ? 'DOI' : 'URL',
      propertyID: doi ? 'https://registry.identifiers.org/registry/doi' : 'https://schema.org/url',
      value: doi ? `doi:${doi}` : url,
      url,
    }),
  );
}

export function roCrateDocument(project: CatalogRecord<'project'>, context: MetadataContext): RoCrate {
  const builder: CrateBuilder = { graph: new CrateGraph(), context };
  const { graph } = builder;
  const { data } = project;
  const publisher = publisherOf(context);
  const specification = graph.add(entity(RO_CRATE_SPECIFICATION, ['CreativeWork', 'Profile'], { name: 'RO-Crate Metadata Specification', version: '1.1', url: RO_CRATE_SPECIFICATION }));
  const profile = graph.add(entity(PROCESS_RUN_CRATE, ['CreativeWork', 'Profile'], { name: 'Process Run Crate', version: '0.5', url: PROCESS_RUN_CRATE }));
  const contributors = [...new Set((data.contributors ?? []).map((contributor) => contributor.agent))];
  const rootProperties = {
    name: data.title,
    description: data.summary,
    // RO-Crate requires a date; a project without one is published by this build.
    datePublished: publicationDate(project) ?? new Date().toISOString().slice(0, 10),
    license: licenseRef(builder, project),
    conformsTo: profile,
    url: context.landingUrl(project),
    identifier: identifierRef(builder, project),
    creator: creatorsOf(project, context).map((agent) => agentRef(builder, agent)),
    contributor: agentRefs(builder, contributors),
    publisher: publisher && agentRef(builder, publisher, { email: context.settings.contact, contactType: 'Catalog contact' }),
    funder: agentRefs(builder, data.funding?.map((funding) => funding.funder)),
    funding: grantRefs(builder, project),
    keywords: data.keywords,
  };
  const related = relatedRefs(builder, project);
  describeParts(builder, project);
  const entities = graph.all();
  const parts = {
    hasPart: dataEntities(entities),
    mentions: entities.filter((described) => types(described).some((type) => actionTypes.has(type))).map((action) => ({ '@id': action['@id'] })),
  };
  // Related identifiers may name the same properties (a DataCite HasPart); their values join, none is replaced.
  const root = entity('./', 'Dataset', mergeProperties(rootProperties, related, parts));
  const descriptor = entity(METADATA_FILE, 'CreativeWork', { conformsTo: specification, about: { '@id': './' } });
  const all = [descriptor, root, ...entities];
  return { '@context': crateContext(all), '@graph': all };
}

export const roCrate: Serializer<RoCrate> = {
  id: 'ro-crate',
  label: 'RO-Crate 1.1 (Process Run Crate 0.5)',
  fileName: METADATA_FILE,
  mediaType: 'application/ld+json',
  profile: RO_CRATE_SPECIFICATION,
  appliesTo: (record: PublishedRecord) => record.type === 'project',
  build(record, context) {
    if (record.type !== 'project') throw new Error(`an RO-Crate packages a project, not the ${record.type} "${record.id}"`);
    return roCrateDocument(record, context);
  },
  render: (crate) => `${JSON.stringify(crate, null, 2)}\n`,
};
