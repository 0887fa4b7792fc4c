/**
 * What every serializer needs besides the record: the catalog settings, the
 * graph for relations, and absolute URLs.
 */
import type { CatalogGraph } from '../catalog/graph.ts';
import type { AnyRecord } from '../catalog/load.ts';
import type { CatalogSettings, RecordType } from '../schema/index.ts';
import { absoluteUrl, landingPath } from '../catalog/urls.ts';

export interface MetadataContext {
  settings: CatalogSettings;
  graph: CatalogGraph;
  /** Absolute URL of a site-relative path. */
  url(path: string): string;
  /** Absolute URL of a record's landing page. */
  landingUrl(record: { type: RecordType; id: string }): string;
  /** Absolute URL of one of a record's export files. */
  exportUrl(record: { type: RecordType; id: string }, fileName: string): string;
}

export function createMetadataContext(settings: CatalogSettings, graph: CatalogGraph): MetadataContext {
  const url = (path: string) => absoluteUrl(settings.url, path);
  return {
    settings,
    graph,
    url,
    landingUrl: (record) => url(landingPath(record.type, record.id)),
    exportUrl: (record, fileName) => url(`${landingPath(record.type, record.id)}${fileName}`),
  };
}

export type { AnyRecord };
