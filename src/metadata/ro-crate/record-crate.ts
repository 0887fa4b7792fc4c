/**
 * The frame of a crate about one record (a workflow, a workflow run): the
 * metadata descriptor, the root data entity with the record's citation facts
 * and the profiles the crate conforms to, and the data entities listed on
 * the root. The project's crate (index.ts) frames a whole project instead.
 */
import { creatorsOf, descriptionOf, publicationDate, publisherOf, type PublishedRecord } from '../common/record-facts.ts';
import { agentRef, licenseRef, type CrateBuilder } from './entities.ts';
import { crateContext } from './context.ts';
import { entity, type CrateEntity, type IdReference } from './graph.ts';
import { dataEntities, identifierRef, METADATA_FILE, RO_CRATE_SPECIFICATION, type RoCrate } from './index.ts';

export interface CrateProfile {
  url: string;
  name: string;
  version: string;
}

export const WORKFLOW_RO_CRATE: CrateProfile = { url: 'https://w3id.org/workflowhub/workflow-ro-crate/1.0', name: 'Workflow RO-Crate', version: '1.0' };

export function profileRef({ graph }: CrateBuilder, profile: CrateProfile): IdReference {
  return graph.add(entity(profile.url, ['CreativeWork', 'Profile'], { name: profile.name, version: profile.version, url: profile.url }));
}

export interface RecordCrateParts {
  /** Profiles the root conforms to. */
  profiles: readonly CrateProfile[];
  mainEntity: IdReference;
  /** Actions the crate describes, listed as the root's mentions. */
  mentions?: readonly IdReference[];
}

/**
 * The descriptor conforms to RO-Crate 1.1 and Workflow RO-Crate 1.0, as that
 * profile asks; the root to the given profiles. Call it after describing the
 * record's entities, so that every data entity is listed on the root.
 */
export function recordCrate(builder: CrateBuilder, record: PublishedRecord, parts: RecordCrateParts): RoCrate {
  const { graph, context } = builder;
  const publisher = publisherOf(context);
  const specification = graph.add(entity(RO_CRATE_SPECIFICATION, ['CreativeWork', 'Profile'], { name: 'RO-Crate Metadata Specification', version: '1.1', url: RO_CRATE_SPECIFICATION }));
  const workflowProfile = profileRef(builder, WORKFLOW_RO_CRATE);
  const root = entity('./', 'Dataset', {
    name: record.data.title,
    description: descriptionOf(record),
    // RO-Crate requires a date; a record without one is published by this build.
    datePublished: publicationDate(record) ?? new Date().toISOString().slice(0, 10),
    license: licenseRef(builder, record),
    conformsTo: parts.profiles.map((profile) => profileRef(builder, profile)),
    url: context.landingUrl(record),
    identifier: identifierRef(builder, record),
    creator: creatorsOf(record, context).map((agent) => agentRef(builder, agent)),
    publisher: publisher && agentRef(builder, publisher, { email: context.settings.contact, contactType: 'Catalog contact' }),
    keywords: record.data.keywords,
    mainEntity: parts.mainEntity,
    hasPart: dataEntities(graph.all()),
    mentions: [...(parts.mentions ?? [])],
  });
  const descriptor = entity(METADATA_FILE, 'CreativeWork', { conformsTo: [specification, workflowProfile], about: { '@id': './' } });
  const all: CrateEntity[] = [descriptor, root, ...graph.all()];
  return { '@context': crateContext(all), '@graph': all };
}
