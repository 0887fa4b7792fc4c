/**
 * The crate's @context: RO-Crate 1.1's, plus a term for every key or type it
 * uses that the 1.1 context lacks. rocrate-validator requires each key to be
 * a term of the context (a declared prefix such as "fair4ml:" is not enough),
 * so FAIR4ML's properties are named one by one.
 */
import { types, type CrateEntity } from './graph.ts';

export const RO_CRATE_CONTEXT = 'https://w3id.org/ro/crate/1.1/context';

export type RoCrateContext = string | [string, Record<string, string>];

const fair4ml = 'https://w3id.org/fair4ml#';

/** FAIR4ML 0.1.0 terms the model entities use. */
const fair4mlTerms = [
  'MLModel',
  'mlTask',
  'modelCategory',
  'fineTunedFrom',
  'trainedOn',
  'validatedOn',
  'testedOn',
  'evaluatedOn',
  'intendedUse',
  'modelRisksBiasLimitations',
  'usageInstructions',
] as const;

/** Dublin Core relations that DataCite relation types map to (schema-org/vocabulary.ts) where schema.org has none. */
const dublinCoreTerms = ['relation', 'requires', 'isRequiredBy', 'replaces', 'isReplacedBy', 'isReferencedBy', 'hasFormat', 'isFormatOf'] as const;

/** A property named as a compact IRI elsewhere ("dct:requires"), by the term this context defines for it. */
export function crateTerm(property: string): string {
  return property.replace(/^dct:/, '');
}

/** Terms missing from the RO-Crate 1.1 context, each with the IRI later contexts (1.2, 1.3) or its vocabulary give it. */
export const extensionTerms: Record<string, string> = {
  ...Object.fromEntries(fair4mlTerms.map((term) => [term, `${fair4ml}${term}`])),
  ...Object.fromEntries(dublinCoreTerms.map((term) => [term, `http://purl.org/dc/terms/${term}`])),
  sha256: 'http://schema.org/sha256',
  md5: 'http://mlcommons.org/croissant/md5',
  Profile: 'http://www.w3.org/ns/dx/prof/Profile',
  Geometry: 'http://www.opengis.net/ont/geosparql#Geometry',
  asWKT: 'http://www.opengis.net/ont/geosparql#asWKT',
};

export function crateContext(entities: readonly CrateEntity[]): RoCrateContext {
  const names = new Set(entities.flatMap((entity) => [...Object.keys(entity), ...types(entity)]));
  const used = Object.entries(extensionTerms).filter(([term]) => names.has(term));
  return used.length ? [RO_CRATE_CONTEXT, Object.fromEntries(used)] : RO_CRATE_CONTEXT;
}
