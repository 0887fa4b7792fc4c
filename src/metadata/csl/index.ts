/** CSL-JSON export: what Zotero, pandoc and every CSL processor import directly. */
import type { Serializer } from '../types.ts';
import { cslItem, type CslItem } from './item.ts';
import { CSL_DATA_SCHEMA } from './vocabulary.ts';

export const cslJson: Serializer<CslItem[]> = {
  id: 'csl-json',
  label: 'CSL-JSON',
  fileName: 'citation.json',
  mediaType: 'application/vnd.citationstyles.csl+json',
  profile: CSL_DATA_SCHEMA,
  appliesTo: () => true,
  // A CSL-JSON file is an array of items, even for one record.
  build: (record, context) => [cslItem(record, context)],
  render: (items) => `${JSON.stringify(items, null, 2)}\n`,
};
