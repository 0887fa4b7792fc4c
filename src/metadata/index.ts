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
import { schemaOrg, schemaOrgType } from './schema-org/index.ts';
import { linksetSerializer } from './signposting/linkset.ts';
import type { MetadataContext, PublishedRecord, Serializer } from './types.ts';

const formats: Serializer[] = [schemaOrg, dataciteXml, dataciteJson, croissant, roCrate, workflowRoCrate, provenanceRunCrate, bibtex, cslJson, citationCffSerializer] as Serializer[];

export const recordSerializers: readonly Serializer[] = [...formats, linksetSerializer(formats, schemaOrgType)];

export function serializersFor(record: PublishedRecord): Serializer[] {
  return recordSerializers.filter((serializer) => serializer.appliesTo(record));
}

/**
 * A record's export as its file holds it, built and serialized once while the
 * record is recent: the landing page shows some exports (its BibTeX) and
 * embeds others (schema.org) that the export writer then writes.
 */
export function exportText(record: PublishedRecord, serializer: Serializer, context: MetadataContext): string {
  return context.recent(record, `${serializer.fileName} text`, () => serializer.render(exportStructure(record, serializer, context)));
}

export function exportStructure<Structure>(record: PublishedRecord, serializer: Serializer<Structure>, context: MetadataContext): Structure {
  return context.recent(record, serializer.fileName, () => serializer.build(record, context));
}

export { bibtex, schemaOrg, schemaOrgType };
