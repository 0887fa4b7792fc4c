/** The record's own identifier, and every relation it takes part in as DataCite relatedIdentifiers. */
import { isExternal } from '../../catalog/graph.ts';
import type { CatalogGraph } from '../../catalog/graph.ts';
import { commitUrl } from '../../publishing/git-history.ts';
import { isAbsoluteUrl, isDoi } from '../../schema/common/identifiers.ts';
import type { PublishedType } from '../../schema/index.ts';
import { publicationsOf } from '../common/publications.ts';
import { doiOf, isPublished, type PublishedRecord } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { codeUrl } from '../schema-org/software.ts';
import type { Identifier, RelatedIdentifier } from './types.ts';
import { inverseRelationTypes, publicationRelationTypes, publicationResourceTypes, relationTypes, resourceTypes } from './vocabulary.ts';
import { modelIdentifier } from './instrument.ts';

/**
 * The identifier element is mandatory. A record's own DOI, else the DOI the
 * catalog prefix proposes for it (doiOf). A catalog without doiPrefix has
 * neither: the 4.7 XSD only requires a non-empty identifier with some
 * identifierType, so the landing URL stands in as identifierType "URL". That
 * is schema-valid and honest (the URL is what identifies the record today),
 * whereas a DOI element holding a URL would be a false statement; DataCite
 * itself only registers DOIs, so such a file documents the record but cannot
 * be registered until a prefix or DOI is set.
 */
export function identifierOf(record: PublishedRecord, context: MetadataContext): { identifier: Identifier; registered: boolean } {
  const doi = doiOf(record, context);
  if (doi) return { identifier: { identifier: doi.doi, identifierType: 'DOI' }, registered: doi.registered };
  return { identifier: { identifier: context.landingUrl(record), identifierType: 'URL' }, registered: false };
}

const DOI_URL = /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\d{4,9}\/\S+)$/i;

/** A DOI written bare or as a doi.org URL. */
function doiIn(value: string): string | undefined {
  return isDoi(value) ? value : DOI_URL.exec(value)?.[1];
}

type Target = Omit<RelatedIdentifier, 'relationType'>;

/** A catalog record is cited by its registered DOI; a proposed DOI resolves nowhere yet, so by its landing page. */
function recordTarget(record: PublishedRecord, context: MetadataContext): Target {
  const { resourceTypeGeneral } = resourceTypes[record.type];
  if (record.data.doi) return { relatedIdentifier: record.data.doi, relatedIdentifierType: 'DOI', resourceTypeGeneral };
  return { relatedIdentifier: context.landingUrl(record), relatedIdentifierType: 'URL', resourceTypeGeneral };
}

/** An external DOI or URL as it is; DOIs written as doi.org URLs are given as DOIs. */
function externalTarget(value: string, resourceTypeGeneral?: string): Target | undefined {
  const doi = doiIn(value);
  if (doi) return { relatedIdentifier: doi, relatedIdentifierType: 'DOI', resourceTypeGeneral };
  if (isAbsoluteUrl(value)) return { relatedIdentifier: value, relatedIdentifierType: 'URL', resourceTypeGeneral };
  return undefined;
}

function publishedRecord(graph: CatalogGraph, id: string): PublishedRecord | undefined {
  const record = graph.records.get(id);
  return isPublished(record) ? record : undefined;
}

function targetOf(value: string, context: MetadataContext, resourceTypeGeneral?: string): Target | undefined {
  if (!isExternal(value)) {
    const record = publishedRecord(context.graph, value);
    return record && recordTarget(record, context);
  }
  return externalTarget(value, resourceTypeGeneral);
}

/** What an external target of a relation field must be, when the field allows one type only. */
function expectedTypeGeneral(targets: readonly string[]): string | undefined {
  const [only, ...rest] = targets;
  return only && !rest.length && only in resourceTypes ? resourceTypes[only as PublishedType].resourceTypeGeneral : undefined;
}

function graphRelations(record: PublishedRecord, context: MetadataContext): RelatedIdentifier[] {
  const { graph } = context;
  const forward = graph.outgoing(record.id).flatMap((relation) => {
    const relationType = relationTypes[relation.kind]?.forward;
    const target = relationType && targetOf(relation.to, context, expectedTypeGeneral(relation.rule.targets));
    return target ? [{ ...target, relationType }] : [];
  });
  const inverse = graph.incoming(record.id).flatMap((relation) => {
    const relationType = relationTypes[relation.kind]?.inverse;
    const source = relationType && publishedRecord(graph, relation.from);
    return source ? [{ ...recordTarget(source, context), relationType }] : [];
  });
  return [...forward, ...inverse];
}

function statedRelations(record: PublishedRecord, context: MetadataContext): RelatedIdentifier[] {
  return (record.data.relatedIdentifiers ?? []).flatMap(({ identifier, relationType, resourceTypeGeneral }) => {
    const target = targetOf(identifier, context, resourceTypeGeneral);
    return target ? [{ ...target, relationType, resourceTypeGeneral: resourceTypeGeneral ?? target.resourceTypeGeneral }] : [];
  });
}

/** Papers by DOI, else by the URL references.bib gives; an entry with neither has no identifier to state. */
function publicationRelations(record: PublishedRecord, context: MetadataContext): RelatedIdentifier[] {
  return publicationsOf(record, context).flatMap((publication) => {
    const target = externalTarget(publication.doi ?? publication.url ?? '', publicationResourceTypes[publication.cslType ?? '']);
    return target ? [{ ...target, relationType: publicationRelationTypes[publication.relation] }] : [];
  });
}

interface StatedAbout {
  source: PublishedRecord;
  relationType: string;
}

/** Per graph: which records state a relatedIdentifier about which catalog record (by id or DOI). */
const statedIndex = new WeakMap<CatalogGraph, Map<string, StatedAbout[]>>();

function buildStatedIndex(graph: CatalogGraph): Map<string, StatedAbout[]> {
  const published = [...graph.records.keys()].flatMap((id) => publishedRecord(graph, id) ?? []);
  const idByDoi = new Map(published.flatMap((record) => (record.data.doi ? [[record.data.doi.toLowerCase(), record.id] as const] : [])));
  const index = new Map<string, StatedAbout[]>();
  for (const source of published) {
    for (const { identifier, relationType } of source.data.relatedIdentifiers ?? []) {
      const targetId = isExternal(identifier) ? idByDoi.get(doiIn(identifier)?.toLowerCase() ?? '') : identifier;
      if (!targetId) continue;
      index.set(targetId, [...(index.get(targetId) ?? []), { source, relationType }]);
    }
  }
  return index;
}

function statedAbout(record: PublishedRecord, graph: CatalogGraph): StatedAbout[] {
  let index = statedIndex.get(graph);
  if (!index) {
    index = buildStatedIndex(graph);
    statedIndex.set(graph, index);
  }
  return index.get(record.id) ?? [];
}

function mirroredRelations(record: PublishedRecord, context: MetadataContext): RelatedIdentifier[] {
  return statedAbout(record, context.graph).flatMap(({ source, relationType }) => {
    const inverse = inverseRelationTypes[relationType];
    return inverse ? [{ ...recordTarget(source, context), relationType: inverse }] : [];
  });
}

/** The same relation can be stated from both ends (generatedBy and outputs) or twice (trainedOn and used). */
function unique(relations: RelatedIdentifier[]): RelatedIdentifier[] {
  const seen = new Set<string>();
  return relations.filter((relation) => {
    // DOIs are case-insensitive; URLs are not.
    const identifier = relation.relatedIdentifierType === 'DOI' ? relation.relatedIdentifier.toLowerCase() : relation.relatedIdentifier;
    const key = `${relation.relationType} ${relation.relatedIdentifierType} ${identifier}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An instrument's model identifier, as DataCite's instrument example links the model's description. */
function modelDescription(record: PublishedRecord): RelatedIdentifier[] {
  const identifier = modelIdentifier(record);
  const target = identifier && externalTarget(identifier);
  return target ? [{ ...target, relationType: 'IsDescribedBy' }] : [];
}

/**
 * Software points to its code: Zenodo's GitHub releases state the repository
 * (at the released tree) as IsSupplementTo, and so does this export, at the
 * commit where one is recorded.
 */
function repositoryRelations(record: PublishedRecord): RelatedIdentifier[] {
  if (record.type !== 'software') return [];
  const { repository, commit } = record.data;
  const url = commit ? commitUrl(repository, commit) : repository;
  return [{ relatedIdentifier: url, relatedIdentifierType: 'URL', relationType: 'IsSupplementTo', resourceTypeGeneral: 'Software' }];
}

/** A workflow's file in its repository, the code it supplements, at its commit where known (as Zenodo's GitHub releases cite theirs). */
function workflowCodeRelations(record: PublishedRecord): RelatedIdentifier[] {
  if (record.type !== 'workflow' || !record.data.repository) return [];
  const { repository, commit, file } = record.data;
  const relatedIdentifier = commit ? codeUrl({ repository, commit, entryPoint: file }) : repository;
  return [{ relatedIdentifier, relatedIdentifierType: 'URL', relationType: 'IsSupplementTo', resourceTypeGeneral: 'Software' }];
}

export function relatedIdentifiersOf(record: PublishedRecord, context: MetadataContext): RelatedIdentifier[] {
  return unique([
    ...graphRelations(record, context),
    ...statedRelations(record, context),
    ...publicationRelations(record, context),
    ...mirroredRelations(record, context),
    ...modelDescription(record),
    ...repositoryRelations(record),
    ...workflowCodeRelations(record),
  ]);
}

