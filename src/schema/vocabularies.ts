/**
 * DataCite controlled vocabularies, read from the official 4.7 XSD at build
 * time of this file (see scripts/vocabularies.ts) so they are never retyped.
 */
import data from './datacite-vocabularies.json' with { type: 'json' };

type Vocabulary = readonly [string, ...string[]];

export const vocabulary = data as unknown as Record<
  'contributorType' | 'relationType' | 'resourceTypeGeneral' | 'dateType' | 'descriptionType' | 'funderIdentifierType',
  Vocabulary
>;
