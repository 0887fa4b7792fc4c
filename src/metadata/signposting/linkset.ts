import type { PublishedRecord, Serializer } from '../types.ts';
import { LINKSET_FILE, LINKSET_MEDIA_TYPE, linksetDocument, signpostingLinks } from './links.ts';

/**
 * The level 2 linkset. It describes the other exports, so it is built from
 * their list and the function that names the record's schema.org type.
 */
export function linksetSerializer(exports: readonly Serializer[], schemaOrgType: (record: PublishedRecord) => string | string[]): Serializer<ReturnType<typeof linksetDocument>> {
  return {
    id: 'linkset',
    label: 'FAIR Signposting linkset',
    fileName: LINKSET_FILE,
    mediaType: LINKSET_MEDIA_TYPE,
    profile: 'https://signposting.org/FAIR/',
    appliesTo: () => true,
    build(record, context) {
      const applicable = exports.filter((serializer) => serializer.appliesTo(record));
      return linksetDocument(context.landingUrl(record), signpostingLinks({ record, context, exports: applicable, schemaOrgType: schemaOrgType(record) }));
    },
    render: (document) => `${JSON.stringify(document, null, 2)}\n`,
  };
}
