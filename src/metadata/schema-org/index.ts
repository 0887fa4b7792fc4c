/**
 * The landing page's schema.org JSON-LD (metadata.jsonld, and the same
 * document embedded in the page): what search engines, Google Dataset Search
 * and FAIR assessment tools read.
 */
import type { MetadataContext, PublishedRecord, Serializer } from '../types.ts';
import type { Properties } from './citable.ts';
import { datasetProperties } from './dataset.ts';
import { instrumentProperties } from './instrument.ts';
import { projectDistribution, runDistribution } from './distribution.ts';
import { node, type JsonLdNode } from './jsonld.ts';
import { modelProperties } from './model.ts';
import { projectProperties } from './project.ts';
import { runProperties } from './run.ts';
import { sourceCodeProperties } from './source-code.ts';
import { recordTypeNames, schemaOrgContext } from './vocabulary.ts';
import { workflowProperties } from './workflow.ts';

export type SchemaOrgDocument = JsonLdNode & {
  '@context': ReturnType<typeof schemaOrgContext>;
  '@id': string;
  '@type': string | string[];
};

function recordProperties(record: PublishedRecord, context: MetadataContext): Properties {
  switch (record.type) {
    case 'project':
      return { ...projectProperties(record, context), distribution: projectDistribution(record, context) };
    case 'dataset':
      return datasetProperties(record, context);
    case 'model':
      return modelProperties(record, context);
    case 'run':
      return { ...runProperties(record, context), distribution: runDistribution(record, context) };
    case 'software':
      return sourceCodeProperties(record, context);
    case 'workflow':
      return workflowProperties(record, context);
    case 'instrument':
      return instrumentProperties(record, context);
  }
}

/** The record's schema.org type, which signposting names without building the document. */
export function schemaOrgType(record: PublishedRecord): string | string[] {
  return recordTypeNames[record.type];
}

export function schemaOrgDocument(record: PublishedRecord, context: MetadataContext): SchemaOrgDocument {
  return {
    '@context': schemaOrgContext(),
    '@id': context.landingUrl(record),
    '@type': schemaOrgType(record),
    ...node(recordProperties(record, context)),
  };
}

export const schemaOrg: Serializer<SchemaOrgDocument> = {
  id: 'schema-org',
  label: 'schema.org JSON-LD',
  fileName: 'metadata.jsonld',
  mediaType: 'application/ld+json',
  profile: 'https://schema.org',
  appliesTo: () => true,
  build: schemaOrgDocument,
  render: (document) => `${JSON.stringify(document, null, 2)}\n`,
};

export { jsonLdScript } from './script.ts';
