/**
 * A dataset as schema.org Dataset, shaped by Google Dataset Search's rules:
 * DataDownloads with byte sizes, a licence URL, typed creators, an access
 * statement, variables as PropertyValues and the catalog it belongs to.
 * Dataset Search reads no instrument: the instruments that collected a
 * dataset are stated the schema.org way, as the instrument of the action
 * whose result it is, reached from the dataset by prov:wasGeneratedBy.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import type { Dataset } from '../../schema/index.ts';
import { isWithdrawn } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { accessProperties } from './access.ts';
import { catalogNode, citableProperties, mergeProperties, type Properties } from './citable.ts';
import { fileNode } from './files.ts';
import { dataCollectionNode } from './instrument.ts';
import { dataCollectionOf } from '../common/collection.ts';
import { node, type JsonLdNode } from './jsonld.ts';
import { referenceNode, referenceNodes } from './references.ts';

/** ISO 8601 interval; an open end is "..", as schema.org's temporalCoverage documents. */
export function temporalCoverage(coverage: Dataset['temporalCoverage']): string | undefined {
  if (!coverage?.start && !coverage?.end) return undefined;
  return `${coverage.start ?? '..'}/${coverage.end ?? '..'}`;
}

/** A named place with its box as "south west north east", the order schema.org's GeoShape box uses. */
export function spatialCoverage(coverage: Dataset['spatialCoverage']): JsonLdNode | undefined {
  if (!coverage) return undefined;
  const geo = coverage.box && node({ '@type': 'GeoShape', box: coverage.box.join(' ') });
  return node({ '@type': 'Place', name: coverage.name, geo });
}

export function variableNode(variable: NonNullable<Dataset['variables']>[number]): JsonLdNode {
  return node({ '@type': 'PropertyValue', name: variable.name, description: variable.description, unitText: variable.unit });
}

export function datasetProperties(record: CatalogRecord<'dataset'>, context: MetadataContext): Properties {
  const { data } = record;
  const generator = context.graph.generatorOf(record.id);
  const collection = dataCollectionOf(record, context);
  const sources = referenceNodes(data.derivedFrom, context);
  return mergeProperties(citableProperties(record, context), accessProperties(record), {
    distribution: isWithdrawn(record) ? undefined : data.files?.map((file) => fileNode(file)),
    variableMeasured: data.variables?.map(variableNode),
    includedInDataCatalog: catalogNode(context),
    temporalCoverage: temporalCoverage(data.temporalCoverage),
    spatialCoverage: spatialCoverage(data.spatialCoverage),
    measurementTechnique: data.measurementTechnique,
    isBasedOn: sources,
    'prov:wasDerivedFrom': sources,
    'prov:wasGeneratedBy': [generator && referenceNode(generator, context), collection && dataCollectionNode(collection, record, context)],
    isPartOf: data.project && referenceNode(data.project, context),
  });
}
