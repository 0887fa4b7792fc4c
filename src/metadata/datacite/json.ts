/**
 * DataCite REST API payload (JSON:API) for a record: POST it to /dois to
 * create a draft DOI, or PUT it to /dois/{doi} to update one. Same content as
 * the XML kernel, from the same buildResource(); attribute names as in
 * DataCite's REST API schemas (schemeUri, rightsUri, awardUri, lang, types).
 */
import type { Serializer } from '../types.ts';
import { buildResource, DATACITE_NAMESPACE, type DataciteResource } from './resource.ts';

/** The resource's metadata under DataCite's REST API names, with the DOI as the API wants it. */
export type DataciteDoiAttributes = Omit<DataciteResource, 'identifier' | 'registered'> & {
  /** The record's DOI, or the proposed one (catalog prefix + record id); absent without either. */
  doi?: string;
  /** Only for a DOI not registered yet, so the payload creates the draft under the catalog's prefix. */
  prefix?: string;
  schemaVersion: string;
};

export interface DataciteDoiPayload {
  data: { type: 'dois'; attributes: DataciteDoiAttributes };
}

/**
 * Without a DOI or prefix (no doiPrefix in catalog.yaml) the payload has no
 * doi: it still carries the full metadata, and DataCite assigns the DOI when
 * a prefix is added before posting.
 */
function doiAttributes({ identifier, registered }: DataciteResource): Pick<DataciteDoiAttributes, 'doi' | 'prefix'> {
  if (identifier.identifierType !== 'DOI') return {};
  const doi = identifier.identifier;
  return registered ? { doi } : { doi, prefix: doi.slice(0, doi.indexOf('/')) };
}

export function resourceToPayload(resource: DataciteResource): DataciteDoiPayload {
  const { identifier: _identifier, registered: _registered, ...metadata } = resource;
  return {
    data: {
      type: 'dois',
      attributes: { ...doiAttributes(resource), ...metadata, schemaVersion: DATACITE_NAMESPACE },
    },
  };
}

export const dataciteJson: Serializer<DataciteDoiPayload> = {
  id: 'datacite-json',
  label: 'DataCite JSON (REST API)',
  fileName: 'datacite.json',
  mediaType: 'application/vnd.api+json',
  appliesTo: () => true,
  build: (record, context) => resourceToPayload(buildResource(record, context)),
  render: (payload) => `${JSON.stringify(payload, null, 2)}\n`,
};
