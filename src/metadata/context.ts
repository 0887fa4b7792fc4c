/**
 * What every serializer needs besides the record: the catalog settings, the
 * graph for relations, and absolute URLs.
 */
import type { CatalogGraph } from '../catalog/graph.ts';
import type { AnyRecord } from '../catalog/load.ts';
import type { CatalogSettings, RecordType } from '../schema/index.ts';
import { absoluteUrl, landingPath } from '../catalog/urls.ts';
import { bibliographyEntries, type BibliographyEntry } from './csl/bibliography.ts';

export interface MetadataContext {
  settings: CatalogSettings;
  graph: CatalogGraph;
  /** Absolute URL of a site-relative path. */
  url(path: string): string;
  /** Absolute URL of a record's landing page. */
  landingUrl(record: { type: RecordType; id: string }): string;
  /** Absolute URL of one of a record's export files. */
  exportUrl(record: { type: RecordType; id: string }, fileName: string): string;
  /**
   * A record's value for `key`, computed once while the record is recent: the
   * page and its metadata.jsonld share one schema.org document, a project's
   * schema.org distribution and its RO-Crate export one crate. Bounded, since a
   * build goes through the records in page order.
   */
  recent<T>(record: { type: RecordType; id: string }, key: string, compute: () => T): T;
  /** The entries of references.bib by key (parsed when first asked), for the papers records name. */
  readonly bibliography: ReadonlyMap<string, BibliographyEntry>;
}

/** Values kept by `recent`: a few chunks of records, a few exports each. */
const RECENT_VALUES = 1024;

function recentValues(): MetadataContext['recent'] {
  const values = new Map<string, unknown>();
  return <T>(record: { type: RecordType; id: string }, key: string, compute: () => T): T => {
    const name = `${record.type}/${record.id}/${key}`;
    if (values.has(name)) return values.get(name) as T;
    const value = compute();
    if (values.size >= RECENT_VALUES) values.delete(values.keys().next().value!);
    values.set(name, value);
    return value;
  };
}

export function createMetadataContext(settings: CatalogSettings, graph: CatalogGraph, bibtex?: string): MetadataContext {
  const url = (path: string) => absoluteUrl(settings.url, path);
  return {
    get bibliography() {
      return bibliographyEntries(bibtex);
    },
    settings,
    graph,
    url,
    landingUrl: (record) => url(landingPath(record.type, record.id)),
    exportUrl: (record, fileName) => url(`${landingPath(record.type, record.id)}${fileName}`),
    recent: recentValues(),
  };
}

export type { AnyRecord };
