/**
 * How one record points at another: a catalog record by its landing page
 * (with type and name, so a reader need not fetch it to know what it is), an
 * outside resource by its DOI URL or URL.
 */
import { doiUrl, isDoi, isRecordId } from '../../schema/common/identifiers.ts';
import { isPublished, type PublishedRecord } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { node, uniqueById, type JsonLdNode, type JsonLdValue } from './jsonld.ts';
import { recordTypeNames } from './vocabulary.ts';

/** The catalog record a reference names, if it names one. */
export function referencedRecord(target: string, context: MetadataContext): PublishedRecord | undefined {
  if (!isRecordId(target)) return undefined;
  const record = context.graph.records.get(target);
  return isPublished(record) ? record : undefined;
}

/** The URL of a reference outside the catalog: DOIs as https://doi.org/… */
export function externalUrl(target: string): string {
  return isDoi(target) ? doiUrl(target) : target;
}

export function recordNode(record: PublishedRecord, context: MetadataContext): JsonLdNode {
  return node({ '@id': context.landingUrl(record), '@type': recordTypeNames[record.type], name: record.data.title });
}

/** A reference as a node; an id the catalog lacks is left out (the catalog check reports it). */
export function referenceNode(target: string, context: MetadataContext): JsonLdNode | undefined {
  const record = referencedRecord(target, context);
  if (record) return recordNode(record, context);
  if (isRecordId(target)) return undefined;
  return { '@id': externalUrl(target) };
}

export function referenceNodes(targets: readonly string[] | undefined, context: MetadataContext): JsonLdValue[] {
  const nodes = (targets ?? []).flatMap((target): JsonLdNode[] => {
    const reference = referenceNode(target, context);
    return reference ? [reference] : [];
  });
  return uniqueById(nodes);
}
