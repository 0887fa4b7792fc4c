import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { problem, type Problem } from '../../diagnostics/problem.ts';
import type { FileEntry } from '../../schema/common/files.ts';
import type { AnyRecord } from '../load.ts';
import { displayPath } from '../load.ts';
import { linkOutside } from '../read-file.ts';
import { locate } from '../source.ts';
import { absoluteUrl, landingPath } from '../urls.ts';
import type { CatalogRule } from './types.ts';

/** Where a file kept in the catalog is: its path, from the record's folder. */
export function catalogFilePath(record: Pick<AnyRecord, 'path'>, file: Pick<FileEntry, 'path'>): string {
  return resolve(dirname(record.path), file.path!);
}

/** The URL a kept file is published at: beside the landing page, under its name. */
export function catalogFileUrl(siteUrl: string, record: Pick<AnyRecord, 'type' | 'id'>, file: Pick<FileEntry, 'name'>): string {
  return absoluteUrl(siteUrl, `${landingPath(record.type, record.id)}${encodeURIComponent(file.name)}`);
}

const digest = (algorithm: 'sha256' | 'md5', bytes: Buffer) => createHash(algorithm).update(bytes).digest('hex');

/**
 * A file kept in the catalog exists inside it, is what its entry says (size
 * and checksums: exports promise them), and its url is where the build
 * publishes it.
 */
export const catalogFilesRule: CatalogRule = {
  name: 'catalog-files',
  check({ catalog }) {
    const problems: Problem[] = [];
    const root = existsSync(catalog.root) ? realpathSync(catalog.root) : catalog.root;
    const siteUrl = catalog.settings?.url;
    for (const record of catalog.records.values()) {
      const files = 'files' in record.data ? ((record.data.files ?? []) as FileEntry[]) : [];
      files.forEach((file, index) => {
        if (!file.path) return;
        const at = (field: string) => ({ file: record.file, field: `files[${index}].${field}`, ...locate(record.source, ['files', index, field]) });
        const path = catalogFilePath(record, file);
        if (!existsSync(path)) {
          problems.push(problem({ code: 'catalog-file-missing', ...at('path'), message: `${displayPath(path)} does not exist` }));
          return;
        }
        const outside = linkOutside(root, path);
        if (outside) {
          problems.push(problem({ code: 'outside-catalog', ...at('path'), message: `${file.path} leads to ${outside}, outside the catalog` }));
          return;
        }
        const bytes = readFileSync(path);
        const actual = { size: bytes.length, sha256: file.sha256 && digest('sha256', bytes), md5: file.md5 && digest('md5', bytes) };
        for (const field of ['size', 'sha256', 'md5'] as const) {
          if (file[field] !== undefined && file[field] !== actual[field]) {
            problems.push(problem({ code: 'catalog-file-mismatch', ...at(field), message: `${field} is ${file[field]}, but ${displayPath(path)} has ${field} ${actual[field]}` }));
          }
        }
        const url = siteUrl && catalogFileUrl(siteUrl, record, file);
        if (url && file.url !== url) {
          problems.push(problem({ code: 'catalog-file-mismatch', ...at('url'), message: `url is ${file.url}, but the build publishes ${file.path} at ${url}`, hint: `Set url: ${url}` }));
        }
      });
    }
    return problems;
  },
};
