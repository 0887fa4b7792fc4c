/**
 * Every per-record export, in the order the landing page lists them. Adding a
 * format is adding its serializer here; the writer, the dev server, the
 * Export list and signposting all follow.
 */
import { bibtex } from './bibtex/index.ts';
import { citationCffSerializer } from './cff/index.ts';
import { croissant } from './croissant/index.ts';
import { cslJson } from './csl/index.ts';
import { dataciteJson } from './datacite/json.ts';
import { dataciteXml } from './datacite/xml.ts';
import { roCrate } from './ro-crate/index.ts';
import { provenanceRunCrate } from './ro-crate/provenance-crate.ts';
import { workflowRoCrate } from './ro-crate/workflow-crate.ts';
import { schemaOrg } from './schema-org/index.ts';
import { linksetSerializer } from './signposting/linkset.ts';
import type { PublishedRecord, Serializer } from './types.ts';

const formats: Serializer[] = [schemaOrg, dataciteXml, dataciteJson, croissant, roCrate, workflowRoCrate, provenanceRunCrate, bibtex, cslJson, citationCffSerializer] as Serializer[];

export const recordSerializers: readonly Serializer[] = [...formats, linksetSerializer(formats, schemaOrg as Serializer<{ '@type': string | string[] }>)];

export function serializersFor(record: PublishedRecord): Serializer[] {
  return recordSerializers.filter((serializer) => serializer.appliesTo(record));
}

export { schemaOrg };
