/**
 * What a compressed file holds. A gzip file holds one file, whose format
 * readers need (Croissant loaders to parse it, F-UJI's file-format test,
 * which looks inside archives only with a Tika server). The record states
 * it (contentMediaType), or the name does by the usual double extension
 * (annotations.csv.gz).
 */
import type { FileEntry } from '../../schema/index.ts';

const gzipMediaTypes = new Set(['application/gzip', 'application/x-gzip']);

/** Media types by the extension under ".gz", for the formats datasets are shipped in. */
const mediaTypesByExtension: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  jsonl: 'application/jsonl',
  parquet: 'application/vnd.apache.parquet',
  txt: 'text/plain',
  xml: 'application/xml',
  tar: 'application/x-tar',
};

export interface ContainedFile {
  name: string;
  mediaType: string;
}

export function containedFile(file: FileEntry): ContainedFile | undefined {
  if (!gzipMediaTypes.has(file.mediaType.split(';')[0]!.trim().toLowerCase())) return undefined;
  const name = file.name.replace(/\.gz$/i, '');
  const extension = name.match(/\.(\w+)$/)?.[1]?.toLowerCase();
  const mediaType = file.contentMediaType ?? (extension && mediaTypesByExtension[extension]);
  return mediaType ? { name, mediaType } : undefined;
}
