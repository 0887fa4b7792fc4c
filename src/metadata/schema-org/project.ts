/**
 * A project as schema.org ResearchProject: its funding as Grants, and its
 * datasets, models, runs and code repository as parts.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import { resolveAgent } from '../common/agents.ts';
import type { MetadataContext } from '../context.ts';
import { accessProperties } from './access.ts';
import { agentNode } from './agents.ts';
import { citableProperties, mergeProperties, type Properties } from './citable.ts';
import { node, type JsonLdNode } from './jsonld.ts';
import { isPublished } from '../common/record-facts.ts';
import { recordNode } from './references.ts';

export function grantNodes(project: CatalogRecord<'project'>, context: MetadataContext): JsonLdNode[] {
  return (project.data.funding ?? []).map((funding) => {
    const funder = resolveAgent(context, funding.funder);
    return node({
      '@id': funding.awardUri,
      '@type': 'Grant',
      identifier: funding.awardNumber,
      name: funding.awardTitle,
      url: funding.awardUri,
      funder: funder && agentNode(funder),
    });
  });
}

/** The records that name this project as theirs, in catalog order. */
export function projectParts(project: CatalogRecord<'project'>, context: MetadataContext) {
  return context.graph
    .incoming(project.id, 'partOf')
    .map((relation) => context.graph.records.get(relation.from))
    .filter(isPublished);
}

export function projectProperties(record: CatalogRecord<'project'>, context: MetadataContext): Properties {
  const { data } = record;
  const funders = (data.funding ?? []).flatMap((funding) => resolveAgent(context, funding.funder) ?? []);
  const repository = data.repository && node({ '@id': data.repository, '@type': 'SoftwareSourceCode', codeRepository: data.repository });
  return mergeProperties(citableProperties(record, context), accessProperties(record), {
    // ResearchProject is an Organization: its dates are founding and dissolution dates.
    foundingDate: data.startDate,
    dissolutionDate: data.endDate,
    funder: funders.map((funder) => agentNode(funder)),
    funding: grantNodes(record, context),
    hasPart: [projectParts(record, context).map((part) => recordNode(part, context)), repository],
  });
}
