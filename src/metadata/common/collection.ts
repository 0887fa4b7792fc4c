/**
 * How the instruments a dataset names made it: one data collection, in
 * schema.org and RO-Crate the CreateAction whose instrument is the equipment
 * (RO-Crate, "Equipment used to create files") and whose result is the
 * dataset. Computed once here so the page's JSON-LD and the project's crate
 * describe the same action under the same @id.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import type { MetadataContext } from '../context.ts';
import { resolveAgents, type ResolvedAgent } from './agents.ts';

export interface DataCollection {
  /** Under the dataset's landing page: the action has no page of its own. */
  id: string;
  name: string;
  instruments: CatalogRecord<'instrument'>[];
  /** The dataset's contributors in the DataCite role DataCollector: who operated the instruments. */
  agents: ResolvedAgent[];
}

export function dataCollectionOf(dataset: CatalogRecord<'dataset'>, context: MetadataContext): DataCollection | undefined {
  const instruments = context.graph.outgoing(dataset.id, 'collectedBy').flatMap((relation) => context.graph.get(relation.to, 'instrument') ?? []);
  if (!instruments.length) return undefined;
  const collectors = (dataset.data.contributors ?? []).filter((contributor) => contributor.role === 'DataCollector').map((contributor) => contributor.agent);
  return {
    id: `${context.landingUrl(dataset)}#data-collection`,
    name: `Data collection of ${dataset.data.title}`,
    instruments,
    agents: resolveAgents(context, [...new Set(collectors)]),
  };
}
