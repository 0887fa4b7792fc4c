/**
 * The experimentalists' side of a project: the instruments that belong to it
 * or collected its datasets, each with what it is, who owns it and which of
 * the project's data it collected. Page data only; ProjectOverview lays it out.
 */
import type { CatalogRecord } from '../catalog/load.ts';
import type { Site } from '../site/site.ts';
import { linkTo, type RecordLink } from './links.ts';

export interface InstrumentRow {
  instrument: RecordLink;
  types?: string;
  model?: string;
  owners: RecordLink[];
  /** The project's datasets it collected. */
  collected: RecordLink[];
}

function instrumentsOf(site: Site, projectId: string): CatalogRecord<'instrument'>[] {
  const { graph } = site;
  const members = graph.incoming(projectId, 'partOf').map((relation) => relation.from);
  const datasets = members.filter((id) => graph.get(id, 'dataset'));
  const collectors = datasets.flatMap((id) => graph.outgoing(id, 'collectedBy').map((relation) => relation.to));
  return [...new Set([...members, ...collectors])].flatMap((id) => graph.get(id, 'instrument') ?? []);
}

export function projectInstruments(site: Site, projectId: string): InstrumentRow[] {
  const { graph } = site;
  const inProject = (id: string) => graph.outgoing(id, 'partOf').some((relation) => relation.to === projectId);
  return instrumentsOf(site, projectId).map(({ id, data }) => ({
    instrument: linkTo(site, id),
    types: data.instrumentTypes?.join(', '),
    model: data.model?.name,
    owners: data.owners.map((owner) => linkTo(site, owner)),
    collected: graph
      .incoming(id, 'collectedBy')
      .map((relation) => relation.from)
      .filter(inProject)
      .map((dataset) => linkTo(site, dataset)),
  }));
}
