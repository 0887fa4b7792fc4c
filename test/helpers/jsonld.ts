/**
 * JSON-LD checks without the network: a document loader serving the vendored
 * contexts (and refusing everything else), expansion in jsonld.js's safe mode
 * (which throws where a property or value would be dropped), and a second,
 * independent check that every term and every value of the compact document
 * survives expansion. Also the catalogs the metadata tests serialize.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import type { RemoteDocument } from 'jsonld/jsonld-spec';
import { fixtures } from './catalogs.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const standards = join(fixtures, 'standards');

/** Every URL a context is fetched from, and the vendored file that answers it. */
const vendoredContexts: Record<string, string> = {
  'https://schema.org': 'schemaorg/schemaorgcontext.jsonld',
  'https://schema.org/': 'schemaorg/schemaorgcontext.jsonld',
  'http://schema.org': 'schemaorg/schemaorgcontext.jsonld',
  'http://schema.org/': 'schemaorg/schemaorgcontext.jsonld',
  'https://w3id.org/ro/crate/1.2/context': 'ro-crate/context-1.2.jsonld',
  'https://w3id.org/ro/crate/1.1/context': 'ro-crate/context-1.1.jsonld',
};

const loaded = new Map<string, JsonObject>();

function vendored(file: string): JsonObject {
  let document = loaded.get(file);
  if (!document) {
    document = JSON.parse(readFileSync(join(standards, file), 'utf8')) as JsonObject;
    loaded.set(file, document);
  }
  return document;
}

export async function offlineDocumentLoader(url: string): Promise<RemoteDocument> {
  const file = vendoredContexts[url];
  if (!file) throw new Error(`offline document loader: no vendored copy of ${url} (the tests never use the network)`);
  return { contextUrl: undefined, documentUrl: url, document: vendored(file) } as RemoteDocument;
}

/** The schema.org 30.0 context's term definitions, to tell defined terms from @vocab fallbacks. */
export function schemaOrgTerms(): Set<string> {
  return new Set(Object.keys(vendored('schemaorg/schemaorgcontext.jsonld')['@context'] as JsonObject));
}

interface ExpandOptions {
  /** Base IRI for relative @ids (a crate's "./", Croissant's file ids). */
  base?: string;
}

/** Expansion in safe mode: jsonld.js throws on any term or value it would drop. */
export async function expandSafely(document: unknown, { base }: ExpandOptions = {}): Promise<Json[]> {
  const options = { documentLoader: offlineDocumentLoader, safe: true, ...(base && { base }) };
  return (await jsonld.expand(document as object, options as jsonld.Options.Expand)) as unknown as Json[];
}

/**
 * RDF conversion in safe mode. Expansion keeps a relative IRI (a "url" that
 * is a bare path, an @id without base) that RDF then drops; this step refuses it.
 */
async function convertsToRdfSafely(expanded: Json[]): Promise<void> {
  const options = { documentLoader: offlineDocumentLoader, safe: true };
  await jsonld.toRDF(expanded as object, options as jsonld.Options.ToRdf);
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every non-keyword key of the compact document, at any depth (the context aside). */
export function compactTerms(document: Json): Set<string> {
  const terms = new Set<string>();
  const walk = (value: Json) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (key === '@context') continue;
        if (!key.startsWith('@')) terms.add(key);
        walk(item);
      }
    }
  };
  walk(document);
  return terms;
}

/** Every property IRI the expanded document uses. */
function expandedProperties(expanded: Json): Set<string> {
  const properties = new Set<string>();
  const walk = (value: Json) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (!key.startsWith('@')) properties.add(key);
        walk(item);
      }
    }
  };
  walk(expanded);
  return properties;
}

/**
 * Scalars of the compact document: node types, @ids and values. A value
 * object's own @type or @language is part of its one value, not a value.
 */
function compactValueCount(value: Json): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + compactValueCount(item), 0);
  if (!isObject(value)) return value === null ? 0 : 1;
  if ('@value' in value) return 1;
  return Object.entries(value).reduce((sum, [key, item]) => (key === '@context' ? sum : sum + compactValueCount(item)), 0);
}

/** The same count over the expanded form, where every scalar has become an @id, @type entry or @value. */
function expandedValueCount(value: Json): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + expandedValueCount(item), 0);
  if (!isObject(value)) return 1;
  if ('@value' in value) return 1;
  return Object.values(value).reduce((sum: number, item) => sum + expandedValueCount(item), 0);
}

/** The IRI a term of the document's context expands to (undefined when the context drops it). */
async function termIri(term: string, context: Json): Promise<string | undefined> {
  const probe = { '@context': context, [term]: { '@id': 'https://example.org/probe' } };
  const options = { documentLoader: offlineDocumentLoader } as jsonld.Options.Expand;
  const [expanded] = (await jsonld.expand(probe as object, options)) as unknown as JsonObject[];
  return expanded ? Object.keys(expanded).find((key) => !key.startsWith('@')) : undefined;
}

export interface ExpansionReport {
  expanded: Json[];
  /** Terms of the compact document whose IRI is missing from the expansion. */
  droppedTerms: string[];
  compactValues: number;
  expandedValues: number;
}

/**
 * Expands a document and converts it to RDF (both in safe mode, so anything
 * either would drop throws), then reports terms whose IRI the expansion
 * lacks and a count of scalar values on both sides.
 */
export async function expansionReport(document: unknown, options: ExpandOptions = {}): Promise<ExpansionReport> {
  const compact = JSON.parse(JSON.stringify(document)) as JsonObject;
  const expanded = await expandSafely(compact, options);
  await convertsToRdfSafely(expanded);
  const kept = expandedProperties(expanded);
  const droppedTerms: string[] = [];
  for (const term of compactTerms(compact)) {
    const iri = await termIri(term, compact['@context'] ?? null);
    if (!iri || !kept.has(iri)) droppedTerms.push(term);
  }
  return { expanded, droppedTerms, compactValues: compactValueCount(compact), expandedValues: expandedValueCount(expanded) };
}

/** Terms that resolve only through @vocab: typos would too, so each must be a known term or a prefixed name. */
export function termsOutsideContext(document: Json, known: ReadonlySet<string>): string[] {
  return [...compactTerms(document)].filter((term) => !known.has(term) && !/^[a-z0-9]+:/.test(term));
}

// Catalogs to serialize.

export const exampleCatalogFolder = join(fixtures, '..', '..', 'content');
export const edgeCatalogFolder = join(fixtures, 'catalogs', 'jsonld-edge');

export { metadataCatalog, type MetadataCatalog } from './catalogs.ts';
