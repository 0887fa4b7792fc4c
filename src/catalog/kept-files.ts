/**
 * Files kept in the catalog beside their record (a file entry's `path`), and
 * where the site publishes them: beside the record's landing page, under the
 * entry's name. The check, the build and the dev server share these.
 */
import { dirname, resolve } from 'node:path';
import type { FileEntry } from '../schema/common/files.ts';
import type { RecordType } from '../schema/index.ts';
import { absoluteUrl, landingPath } from './urls.ts';

interface RecordWithFiles {
  type: RecordType;
  id: string;
  /** Absolute path of the record's file. */
  path: string;
  data: object;
}

export interface KeptFile {
  entry: FileEntry;
  /** The file in the catalog. */
  source: string;
  /** Site-relative path it is published at. */
  sitePath: string;
}

export function keptFiles(record: RecordWithFiles): KeptFile[] {
  const files = 'files' in record.data ? ((record.data.files ?? []) as FileEntry[]) : [];
  return files
    .filter((entry) => entry.path)
    .map((entry) => ({ entry, source: resolve(dirname(record.path), entry.path!), sitePath: `${landingPath(record.type, record.id)}${entry.name}` }));
}

/** The URL a kept file is published at, which its entry's url must be. */
export function keptFileUrl(siteUrl: string, { sitePath }: KeptFile): string {
  const folder = sitePath.slice(0, sitePath.lastIndexOf('/') + 1);
  return absoluteUrl(siteUrl, `${folder}${encodeURIComponent(sitePath.slice(folder.length))}`);
}
