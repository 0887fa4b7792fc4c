/**
 * CFF authors as the catalog's people and organizations: a person is matched
 * by ORCID iD first, then by exactly the same name; anyone else is added with
 * what the file says (names, ORCID iD, e-mail), so nobody is credited by guess.
 */
import { recordsOfType, type LoadedCatalog } from '../../catalog/load.ts';
import { isValidOrcid, orcidUrl } from '../../schema/common/identifiers.ts';
import { isRecord } from '../source-files.ts';
import { ref, type PlannedRecord, type RecordRef } from '../types.ts';
import { statedText as text } from '../values.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function existingPerson(catalog: LoadedCatalog, name: string, orcid: string | undefined): string | undefined {
  const people = recordsOfType(catalog.records.values(), 'person');
  const byOrcid = orcid && people.find((person) => person.data.orcid && orcidUrl(person.data.orcid) === orcid);
  return (byOrcid || people.find((person) => person.data.name === name))?.id;
}

export function readAuthors(authors: unknown[], catalog: LoadedCatalog): { creators: (string | RecordRef)[]; agents: PlannedRecord[] } {
  const agents: PlannedRecord[] = [];
  const creators: (string | RecordRef)[] = [];
  for (const author of authors.filter(isRecord)) {
    const familyName = text(author['family-names']);
    const givenName = text(author['given-names']);
    const person = Boolean(familyName || givenName);
    const name = person ? [givenName, text(author['name-particle']), familyName].filter(Boolean).join(' ') : text(author['name']);
    if (!name) continue;
    const stated = text(author['orcid']);
    const orcid = stated && isValidOrcid(stated) ? orcidUrl(stated) : undefined;
    const existing = person
      ? existingPerson(catalog, name, orcid)
      : recordsOfType(catalog.records.values(), 'organization').find((organization) => organization.data.name === name)?.id;
    if (existing) {
      creators.push(existing);
      continue;
    }
    const email = text(author['email']);
    const key = `${person ? 'person' : 'organization'} ${name}`;
    if (!agents.some((agent) => agent.key === key)) {
      agents.push({
        key,
        type: person ? 'person' : 'organization',
        name,
        fields: person
          ? { name, ...(givenName && { givenName }), ...(familyName && { familyName }), ...(orcid && { orcid }), ...(email && EMAIL.test(email) && { email }) }
          : { name },
      });
    }
    creators.push(ref(key));
  }
  return { creators, agents };
}
