/** Creators, contributors and the publisher, with ORCID and ROR identifiers. */
import type { ResolvedAgent } from '../common/agents.ts';
import { resolveAgent, resolveAgents } from '../common/agents.ts';
import { publisherOf, type PublishedRecord } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { SCHEMES, type Affiliation, type Contributor, type Creator, type NameIdentifier, type Publisher } from './types.ts';

function nameIdentifiersOf(agent: ResolvedAgent): NameIdentifier[] {
  if (agent.orcid) return [{ nameIdentifier: agent.orcid, nameIdentifierScheme: 'ORCID', schemeUri: SCHEMES.orcid }];
  if (agent.ror) return [{ nameIdentifier: agent.ror, nameIdentifierScheme: 'ROR', schemeUri: SCHEMES.ror }];
  return [];
}

function affiliationOf(organization: ResolvedAgent): Affiliation {
  if (!organization.ror) return { name: organization.name };
  return { name: organization.name, affiliationIdentifier: organization.ror, affiliationIdentifierScheme: 'ROR', schemeUri: SCHEMES.ror };
}

export function creatorOf(agent: ResolvedAgent): Creator {
  if (agent.kind === 'organization') {
    return { name: agent.name, nameType: 'Organizational', nameIdentifiers: nameIdentifiersOf(agent), affiliation: [] };
  }
  const { givenName, familyName } = agent;
  return {
    name: familyName && givenName ? `${familyName}, ${givenName}` : agent.name,
    nameType: 'Personal',
    givenName,
    familyName,
    nameIdentifiers: nameIdentifiersOf(agent),
    affiliation: agent.affiliations.map(affiliationOf),
  };
}

export function contributorsOf(record: PublishedRecord, context: MetadataContext): Contributor[] {
  if (record.type === 'run') return [];
  // PIDINST Owner: "the institution responsible for the management of the instrument".
  if (record.type === 'instrument') return resolveAgents(context, record.data.owners).map((owner) => ({ ...creatorOf(owner), contributorType: 'HostingInstitution' }));
  return (record.data.contributors ?? []).flatMap(({ agent, role }) => {
    const resolved = resolveAgent(context, agent);
    return resolved ? [{ ...creatorOf(resolved), contributorType: role }] : [];
  });
}

export function publisherFor(context: MetadataContext): Publisher {
  const publisher = publisherOf(context);
  // The reference rule reports a publisher that is not an organization; the
  // catalog title still gives DataCite its mandatory, non-empty publisher.
  if (!publisher) return { name: context.settings.title };
  if (!publisher.ror) return { name: publisher.name };
  return { name: publisher.name, publisherIdentifier: publisher.ror, publisherIdentifierScheme: 'ROR', schemeUri: SCHEMES.ror };
}

