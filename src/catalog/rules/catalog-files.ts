import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { problem, type Problem } from '../../diagnostics/problem.ts';
import { keptFileUrl, keptFiles } from '../kept-files.ts';
import { displayPath, realRoot } from '../load.ts';
import { linkOutside } from '../read-file.ts';
import { locate } from '../source.ts';
import type { CatalogRule } from './types.ts';

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
    const root = realRoot(catalog.root);
    const siteUrl = catalog.settings?.url;
    for (const record of catalog.records.values()) {
      const files = 'files' in record.data ? (record.data.files ?? []) : [];
      for (const kept of keptFiles(record)) {
        const { entry, source } = kept;
        const index = files.indexOf(entry);
        const at = (field: string) => ({ file: record.file, field: `files[${index}].${field}`, ...locate(record.source, ['files', index, field]) });
        if (!existsSync(source)) {
          problems.push(problem({ code: 'catalog-file-missing', ...at('path'), message: `${displayPath(source)} does not exist` }));
          continue;
        }
        const outside = linkOutside(root, source);
        if (outside) {
          problems.push(problem({ code: 'outside-catalog', ...at('path'), message: `${entry.path} leads to ${outside}, outside the catalog` }));
          continue;
        }
        const bytes = readFileSync(source);
        const actual = { size: bytes.length, sha256: entry.sha256 && digest('sha256', bytes), md5: entry.md5 && digest('md5', bytes) };
        for (const field of ['size', 'sha256', 'md5'] as const) {
          if (entry[field] !== undefined && entry[field] !== actual[field]) {
            problems.push(problem({ code: 'catalog-file-mismatch', ...at(field), message: `${field} is ${entry[field]}, but ${displayPath(source)} has ${field} ${actual[field]}` }));
          }
        }
        const url = siteUrl && keptFileUrl(siteUrl, kept);
        if (url && entry.url !== url) {
          problems.push(problem({ code: 'catalog-file-mismatch', ...at('url'), message: `url is ${entry.url}, but the build publishes ${entry.path} at ${url}`, hint: `Set url: ${url}` }));
        }
      }
    }
    return problems;
  },
};
