/**
 * Croissant creators as the people and organizations of the catalog: one
 * with exactly that name is reused, any other is added with its name and url
 * (a Croissant file names its creators, so nobody is invented).
 */
import type { LoadedCatalog } from '../../catalog/load.ts';
import { isAbsoluteUrl } from '../../schema/common/identifiers.ts';
import { ref, type PlannedRecord, type RecordRef } from '../types.ts';
import { hasType, nodes, property, text } from './json-ld.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function readCreators(dataset: Record<string, unknown>, language: string, catalog: LoadedCatalog): { creators: (string | RecordRef)[]; agents: PlannedRecord[] } {
  const agents: PlannedRecord[] = [];
  const creators: (string | RecordRef)[] = [];
  for (const node of nodes(property(dataset, 'creator'))) {
    const name = text(property(node, 'name'), language)?.trim();
    if (!name) continue;
    const type = hasType(node, 'Organization') ? 'organization' : 'person';
    const existing = [...catalog.records.values()].find((record) => record.type === type && record.data.name === name);
    if (existing) {
      creators.push(existing.id);
      continue;
    }
    const url = text(property(node, 'url'), language);
    const email = text(property(node, 'email'), language);
    const key = `${type} ${name}`;
    if (!agents.some((agent) => agent.key === key)) {
      agents.push({
        key,
        type,
        name,
        fields: { name, ...(url && isAbsoluteUrl(url) && { url }), ...(type === 'person' && email && EMAIL.test(email) && { email }) },
      });
    }
    creators.push(ref(key));
  }
  return { creators, agents };
}
