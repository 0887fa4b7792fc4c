/**
 * The properties every published record states the same way, whatever its
 * type: identity, credit, licence, dates, status and related identifiers.
 */
import { resolveAgent } from '../common/agents.ts';
import {
  creatorsOf,
  descriptionOf,
  doiOf,
  isWithdrawn,
  licenseOf,
  publicationDate,
  publisherOf,
  type PublishedRecord,
} from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { doiUrl } from '../../schema/common/identifiers.ts';
import { agentNode, contributorNode } from './agents.ts';
import { list, node, ref, uniqueById, type JsonLdNode, type Maybe } from './jsonld.ts';
import { publicationProperties } from './publications.ts';
import { externalUrl } from './references.ts';
import { recordTypeNames, relatedProperty } from './vocabulary.ts';

export type Properties = Record<string, Maybe>;

/** Property maps combined; where two state the same property their values are concatenated (each @id once). */
export function mergeProperties(...maps: Properties[]): Properties {
  const merged: Properties = {};
  for (const map of maps) {
    for (const [key, value] of Object.entries(map)) {
      const existing = merged[key];
      if (existing === undefined || value === undefined) merged[key] = existing ?? value;
      else merged[key] = uniqueById(list(existing, value) ?? []);
    }
  }
  return merged;
}

/** The registered DOI; a DOI the prefix merely proposes resolves nowhere yet and is not stated. */
export function registeredDoi(record: PublishedRecord, context: MetadataContext): string | undefined {
  const doi = doiOf(record, context);
  return doi?.registered ? doi.doi : undefined;
}

export function doiIdentifier(doi: string): JsonLdNode {
  return node({ '@type': 'PropertyValue', propertyID: 'DOI', value: doi, url: doiUrl(doi) });
}

/** The catalog as Dataset Search wants it named on every dataset. */
export function catalogNode(context: MetadataContext): JsonLdNode {
  const home = context.url('/');
  return node({ '@id': home, '@type': 'DataCatalog', name: context.settings.title, url: home });
}

/** A withdrawn record says when and why, in the one schema.org property about availability. */
export function withdrawalNotice(record: PublishedRecord): string | undefined {
  const status = record.data.status;
  if (status?.state !== 'withdrawn') return undefined;
  return `Withdrawn${status.date ? ` on ${status.date}` : ''}${status.reason ? `: ${status.reason}` : ''}`;
}

function contributorsOf(record: PublishedRecord, context: MetadataContext): JsonLdNode[] {
  if (record.type === 'run' || record.type === 'instrument') return [];
  return (record.data.contributors ?? []).flatMap(({ agent, role }) => {
    const resolved = resolveAgent(context, agent);
    return resolved ? [contributorNode(resolved, role)] : [];
  });
}

/** DataCite related identifiers, each under the schema.org (or DCMI) property that says the same. */
function relatedIdentifierProperties(record: PublishedRecord): Properties {
  const properties: Record<string, JsonLdNode[]> = {};
  for (const related of record.data.relatedIdentifiers ?? []) {
    const property = relatedProperty(related.relationType);
    (properties[property] ??= []).push({ '@id': externalUrl(related.identifier) });
  }
  return properties;
}

export function citableProperties(record: PublishedRecord, context: MetadataContext): Properties {
  const landing = context.landingUrl(record);
  const doi = registeredDoi(record, context);
  const publisher = publisherOf(context);
  const creators = creatorsOf(record, context);
  return mergeProperties(
    {
      '@id': landing,
      '@type': recordTypeNames[record.type],
      name: record.data.title,
      description: descriptionOf(record),
      url: landing,
      identifier: doi && doiIdentifier(doi),
      sameAs: doi && doiUrl(doi),
      creator: creators.map((agent) => agentNode(agent)),
      // PROV-O credit on every entity page, even one that no run generated and nothing derives from.
      'prov:wasAttributedTo': record.type === 'run' ? undefined : creators.map((agent) => ref(agent.pageUrl)),
      contributor: contributorsOf(record, context),
      publisher: publisher && agentNode(publisher),
      license: licenseOf(record, context).url,
      datePublished: publicationDate(record),
      dateModified: record.data.dateModified,
      version: record.data.version,
      keywords: record.data.keywords,
      inLanguage: context.settings.language,
      creativeWorkStatus: isWithdrawn(record) ? 'Withdrawn' : undefined,
      conditionsOfAccess: withdrawalNotice(record),
    },
    // Papers first: a DOI stated in both places keeps the ScholarlyArticle with its name.
    publicationProperties(record, context),
    relatedIdentifierProperties(record),
  );
}
