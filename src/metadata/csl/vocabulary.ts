/**
 * Item types of CSL 1.0.2, as the `type` enum of the official CSL-JSON schema
 * (github.com/citation-style-language/schema, input/1.0/csl-data.json) lists them.
 */
export const cslTypes = [
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
] as const;

export type CslType = (typeof cslTypes)[number];

/** The JSON Schema the CSL-JSON export conforms to, announced as its profile. */
export const CSL_DATA_SCHEMA = 'https://resource.citationstyles.org/schema/v1.0/input/json/csl-data.json';
