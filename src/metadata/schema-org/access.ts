/** Access rights of a record, in the words search engines and FAIR assessors read. */
import { isWithdrawn, type PublishedRecord } from '../common/record-facts.ts';
import type { Properties } from './citable.ts';
import { ref } from './jsonld.ts';
import { accessRights, withdrawnAccessRights } from './vocabulary.ts';

/**
 * Access as Dataset Search (isAccessibleForFree, conditionsOfAccess) and FAIR
 * tools (a COAR IRI in dct:accessRights; F-UJI's access test) read it, for
 * every record type. A record without an access block (models, runs and
 * projects have none) publishes open files; a withdrawn one keeps only its
 * metadata.
 */
export function accessProperties(record: PublishedRecord): Properties {
  if (isWithdrawn(record)) return { 'dct:accessRights': ref(withdrawnAccessRights) };
  const access = record.type === 'dataset' ? record.data.access : undefined;
  const level = access?.level ?? 'open';
  const embargo = access?.embargoEnd ? `Embargoed until ${access.embargoEnd}.` : undefined;
  return {
    isAccessibleForFree: level === 'open',
    conditionsOfAccess: [access?.conditions, embargo].filter(Boolean).join(' ') || undefined,
    'dct:accessRights': ref(accessRights[level]),
  };
}
