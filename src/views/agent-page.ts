/** Pages of people and organizations: who they are and what they made. */
import type { CatalogRecord } from '../catalog/load.ts';
import { resolveAgent } from '../metadata/common/agents.ts';
import type { Site } from '../site/site.ts';
import { landingPath } from '../catalog/urls.ts';
import type { Fact } from './facts.ts';
import { plainHead, type HeadData } from './head.ts';
import { worksOf, type RelatedGroup } from './related.ts';

export interface AgentPage {
  name: string;
  kind: 'Person' | 'Organization';
  head: HeadData;
  facts: Fact[];
  works: RelatedGroup[];
}

export function agentPage(record: CatalogRecord<'person'> | CatalogRecord<'organization'>, site: Site): AgentPage {
  const agent = resolveAgent(site.context, record.id)!;
  const facts: Fact[] = [
    ...(agent.orcid ? [{ label: 'ORCID iD', value: agent.orcid, href: agent.orcid }] : []),
    ...(agent.ror ? [{ label: 'ROR', value: agent.ror, href: agent.ror }] : []),
    ...(agent.url ? [{ label: 'Website', value: agent.url, href: agent.url }] : []),
    ...agent.affiliations.map((affiliation) => ({ label: 'Affiliation', value: affiliation.name, href: affiliation.pageUrl })),
    ...(record.type === 'organization' && record.data.country ? [{ label: 'Country', value: record.data.country }] : []),
  ];
  const head = plainHead(site, agent.name, landingPath(record.type, record.id), `${agent.name} in ${site.settings.title}`);
  return { name: agent.name, kind: record.type === 'person' ? 'Person' : 'Organization', head, facts, works: worksOf(site, record.id) };
}
