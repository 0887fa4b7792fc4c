/** People and organizations as serializers need them: names split, identifiers as URLs. */
import { orcidUrl, rorUrl } from '../../schema/common/identifiers.ts';
import type { MetadataContext } from '../context.ts';

export interface ResolvedAgent {
  id: string;
  kind: 'person' | 'organization';
  name: string;
  givenName?: string;
  familyName?: string;
  /** https://orcid.org/… for people with an ORCID iD. */
  orcid?: string;
  /** https://ror.org/… for organizations with a ROR id. */
  ror?: string;
  url?: string;
  /** E-mail address, where the record gives one (people only). */
  email?: string;
  /** Landing page of the person or organization on this site. */
  pageUrl: string;
  affiliations: ResolvedAgent[];
}

export function resolveAgent(context: MetadataContext, id: string): ResolvedAgent | undefined {
  const record = context.graph.records.get(id);
  if (record?.type === 'organization') {
    const { name, ror, url } = record.data;
    return { id, kind: 'organization', name, ror: ror && rorUrl(ror), url, pageUrl: context.landingUrl(record), affiliations: [] };
  }
  if (record?.type === 'person') {
    const { name, givenName, familyName, orcid, url, email, affiliations = [] } = record.data;
    return {
      id,
      kind: 'person',
      name,
      givenName,
      familyName,
      orcid: orcid && orcidUrl(orcid),
      url,
      email,
      pageUrl: context.landingUrl(record),
      affiliations: affiliations.flatMap((affiliation) => resolveAgent(context, affiliation) ?? []),
    };
  }
  return undefined;
}

export function resolveAgents(context: MetadataContext, ids: readonly string[] | undefined): ResolvedAgent[] {
  return (ids ?? []).flatMap((id) => resolveAgent(context, id) ?? []);
}
