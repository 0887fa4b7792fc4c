import type { MetadataContext } from './context.ts';
import type { PublishedRecord } from './common/record-facts.ts';

/**
 * One export format of a record: a pure function from the record (and the
 * graph in the context) to a structure, and a separate step rendering it to
 * text. The export writer, the landing page's links and signposting all read
 * these objects, so adding a format is adding one serializer.
 */
export interface Serializer<Structure = unknown> {
  /** Stable id, e.g. "datacite-xml". */
  id: string;
  /** Name shown in the landing page's Export list, e.g. "DataCite XML 4.7". */
  label: string;
  /** File name beside the landing page, e.g. "datacite.xml". */
  fileName: string;
  /** Media type served and announced in signposting, e.g. "application/vnd.datacite.datacite+xml". */
  mediaType: string;
  /** Specification the output conforms to, announced as signposting profile. */
  profile?: string;
  appliesTo(record: PublishedRecord): boolean;
  build(record: PublishedRecord, context: MetadataContext): Structure;
  render(structure: Structure): string;
}

export type { MetadataContext, PublishedRecord };
