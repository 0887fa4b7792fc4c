/**
 * People and organizations as schema.org nodes. The ORCID iD or ROR id goes
 * into both `sameAs` (what Google and F-UJI follow) and `identifier` (as a
 * PropertyValue naming the scheme, what Dataset Search shows).
 */
import type { ResolvedAgent } from '../common/agents.ts';
import { node, type JsonLdNode, type JsonLdValue } from './jsonld.ts';

interface AgentIdentifier {
  scheme: 'ORCID' | 'ROR';
  /** The identifier as its registry writes it, e.g. 0000-0002-1825-0097. */
  value: string;
  url: string;
}

export interface AgentStyle {
  /** How an ORCID iD or ROR id is written; schema.org documents use a PropertyValue. */
  identifier(identifier: AgentIdentifier): JsonLdValue;
  /** Type names, e.g. "sc:Person" in Croissant. */
  type(kind: ResolvedAgent['kind']): string;
}

export const schemaOrgAgentStyle: AgentStyle = {
  identifier: ({ scheme, value, url }) => node({ '@type': 'PropertyValue', propertyID: scheme, value, url }),
  type: (kind) => (kind === 'person' ? 'Person' : 'Organization'),
};

function identifierOf(agent: ResolvedAgent): AgentIdentifier | undefined {
  const url = agent.orcid ?? agent.ror;
  if (!url) return undefined;
  return { scheme: agent.orcid ? 'ORCID' : 'ROR', value: url.slice(url.lastIndexOf('/') + 1), url };
}

/** A person or organization with identifiers and (people) affiliations; @id is its page on this site. */
export function agentNode(agent: ResolvedAgent, style: AgentStyle = schemaOrgAgentStyle): JsonLdNode {
  const identifier = identifierOf(agent);
  return node({
    '@id': agent.pageUrl,
    '@type': style.type(agent.kind),
    name: agent.name,
    givenName: agent.givenName,
    familyName: agent.familyName,
    url: agent.url,
    identifier: identifier && style.identifier(identifier),
    sameAs: identifier?.url,
    affiliation: agent.affiliations.map((affiliation) => agentNode(affiliation, style)),
  });
}

/** A contributor with its DataCite role, in schema.org's Role pattern so the role is not lost. */
export function contributorNode(agent: ResolvedAgent, role: string): JsonLdNode {
  return node({ '@type': 'Role', roleName: role, contributor: agentNode(agent) });
}
