/**
 * An instrument as schema.org IndividualProduct, the type RO-Crate gives
 * equipment: Product's own properties (manufacturer, model, serialNumber,
 * category) rather than CreativeWork's, which schema.org does not define on a
 * product. The owners are stated from their side, as schema.org's owns, for
 * a product has no owner property. A dataset an instrument collected points
 * at it through the action that collected it (dataCollectionNode).
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import { doiUrl } from '../../schema/common/identifiers.ts';
import { resolveAgents } from '../common/agents.ts';
import type { DataCollection } from '../common/collection.ts';
import type { MetadataContext } from '../context.ts';
import { agentNode } from './agents.ts';
import { doiIdentifier, registeredDoi, type Properties } from './citable.ts';
import { node, ref, type JsonLdNode } from './jsonld.ts';
import { recordNode } from './references.ts';

type Instrument = CatalogRecord<'instrument'>;

function propertyValue(name: string, value: string, propertyID?: string): JsonLdNode {
  return node({ '@type': 'PropertyValue', name, propertyID, value });
}

/** PIDINST facts Product has no property for: what it measures, when it was in use. */
function additionalProperties({ data }: Instrument): JsonLdNode[] {
  return [
    ...(data.measuredVariables ?? []).map((variable) => propertyValue('Measured variable', variable)),
    ...(data.commissioned ? [propertyValue('Commissioned', data.commissioned)] : []),
    ...(data.decommissioned ? [propertyValue('Decommissioned', data.decommissioned)] : []),
  ];
}

export function instrumentProperties(record: Instrument, context: MetadataContext): Properties {
  const { data } = record;
  const landing = context.landingUrl(record);
  const doi = registeredDoi(record, context);
  const alternates = data.alternateIdentifiers ?? [];
  const owners = resolveAgents(context, data.owners).map((agent) => agentNode(agent));
  return {
    '@id': landing,
    '@type': 'IndividualProduct',
    name: data.title,
    description: data.description,
    url: landing,
    identifier: [doi && doiIdentifier(doi), ...alternates.map(({ identifier, type }) => propertyValue(type, identifier, type))],
    sameAs: [doi && doiUrl(doi), data.url],
    serialNumber: alternates.find((alternate) => alternate.type === 'SerialNumber')?.identifier,
    manufacturer: resolveAgents(context, data.manufacturers).map((agent) => agentNode(agent)),
    model: data.model && node({ '@type': 'ProductModel', name: data.model.name, url: data.model.identifier }),
    category: data.instrumentTypes,
    additionalProperty: additionalProperties(record),
    keywords: data.keywords,
    '@reverse': owners.length ? { owns: owners } : undefined,
  };
}

/** The action that made a dataset, with its instruments: the dataset's prov:wasGeneratedBy. */
export function dataCollectionNode(collection: DataCollection, dataset: CatalogRecord<'dataset'>, context: MetadataContext): JsonLdNode {
  return node({
    '@id': collection.id,
    '@type': ['CreateAction', 'prov:Activity'],
    name: collection.name,
    instrument: collection.instruments.map((instrument) => recordNode(instrument, context)),
    agent: collection.agents.map((agent) => agentNode(agent)),
    result: ref(context.landingUrl(dataset)),
  });
}
