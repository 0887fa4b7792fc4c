/**
 * Instruments in a crate as RO-Crate describes equipment ("Equipment used to
 * create files"): an IndividualProduct contextual entity, its @id the page
 * that describes it, with serial number and manufacturer; the data it
 * collected are the result of an action whose instrument it is. Owners state
 * their ownership (owns), as a product has no owner property.
 *
 * RO-Crate types that action CreateAction, but the project's crate conforms
 * to Process Run Crate 0.5, which requires of every CreateAction,
 * ActivateAction and UpdateAction that its instrument be software (a
 * SoftwareApplication, SoftwareSourceCode or ComputationalWorkflow: the
 * reference validator's test action_instrument_bad_type). So the collection
 * is typed Action, the schema.org type that defines instrument, agent and
 * result, under the same @id as the CreateAction of the dataset's page.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import { doiUrl } from '../../schema/common/identifiers.ts';
import { resolveAgents } from '../common/agents.ts';
import { dataCollectionOf } from '../common/collection.ts';
import { registeredDoi } from '../schema-org/citable.ts';
import { agentRef, agentRefs, type CrateBuilder } from './entities.ts';
import { entity, type IdReference } from './graph.ts';

type Instrument = CatalogRecord<'instrument'>;

/** The owner's entity gains the instrument among what it owns; an owner of several lists them all. */
function addOwnership({ graph }: CrateBuilder, owner: IdReference, owned: IdReference): void {
  const described = graph.get(owner['@id']);
  if (!described) return;
  const already = [described['owns'] ?? []].flat() as IdReference[];
  if (already.some((item) => item['@id'] === owned['@id'])) return;
  const all = [...already, owned];
  described['owns'] = all.length === 1 ? all[0] : all;
}

function modelRef({ graph, context }: CrateBuilder, instrument: Instrument): IdReference | undefined {
  const model = instrument.data.model;
  if (!model) return undefined;
  return graph.add(entity(model.identifier ?? `${context.landingUrl(instrument)}#model`, 'ProductModel', { name: model.name, url: model.identifier }));
}

export function equipmentRef(builder: CrateBuilder, instrument: Instrument): IdReference {
  const { graph, context } = builder;
  const { data } = instrument;
  const landing = context.landingUrl(instrument);
  const doi = registeredDoi(instrument, context);
  const ref = graph.add(
    entity(landing, 'IndividualProduct', {
      name: data.title,
      description: data.description,
      url: landing,
      identifier: doi ? doiUrl(doi) : landing,
      sameAs: data.url,
      serialNumber: data.alternateIdentifiers?.find((alternate) => alternate.type === 'SerialNumber')?.identifier,
      manufacturer: agentRefs(builder, data.manufacturers),
      model: modelRef(builder, instrument),
      category: data.instrumentTypes,
      keywords: data.keywords,
    }),
  );
  for (const owner of resolveAgents(context, data.owners)) addOwnership(builder, agentRef(builder, owner), ref);
  return ref;
}

/** The action that collected a dataset, with its instruments; none for a dataset no instrument collected. */
export function dataCollectionRef(builder: CrateBuilder, dataset: CatalogRecord<'dataset'>, result: IdReference): IdReference | undefined {
  const collection = dataCollectionOf(dataset, builder.context);
  if (!collection) return undefined;
  return builder.graph.add(
    entity(collection.id, 'Action', {
      name: collection.name,
      description: dataset.data.measurementTechnique,
      instrument: collection.instruments.map((instrument) => equipmentRef(builder, instrument)),
      agent: collection.agents.map((agent) => agentRef(builder, agent)),
      result,
    }),
  );
}
