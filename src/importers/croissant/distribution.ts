/**
 * Croissant's distribution: each FileObject that has what a catalog file
 * entry needs (a web URL, a media type, a size in bytes and a checksum)
 * becomes one of the dataset's files; every other FileObject, and every
 * FileSet, is kept as it is written for the Croissant export.
 */
import type { z } from 'zod';
import { isAbsoluteUrl } from '../../schema/common/identifiers.ts';
import type { croissantEntrySchema } from '../../schema/dataset.ts';
import type { FileEntry } from '../../schema/index.ts';
import { hasType, ids, list, property, text, type Node } from './json-ld.ts';

type CroissantEntry = z.infer<typeof croissantEntrySchema>;

const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+(?:;.*)?$/i;
const SHA256 = /^[0-9a-f]{64}$/;
const MD5 = /^[0-9a-f]{32}$/;

/** "117743 B" or "117743" as bytes; sizes in larger units are approximate and stay text. */
function bytes(size: string | undefined): number | undefined {
  const match = size === undefined ? null : /^\s*(\d+)\s*(?:B|bytes?)?\s*$/i.exec(size);
  return match ? Number(match[1]) : undefined;
}

export interface Distribution {
  files: FileEntry[];
  kept: CroissantEntry[];
  /** Each entry's Croissant @id → what a variable's `file` calls it: a file's URL, a kept entry's id. */
  sources: Map<string, string>;
  /** What a reader should know: checksums that are not digests and were left out. */
  notes: string[];
}

export function readDistribution(dataset: Node, language: string): { distribution: Distribution; missing: string[] } {
  const distribution: Distribution = { files: [], kept: [], sources: new Map(), notes: [] };
  const missing: string[] = [];
  list(property(dataset, 'distribution')).forEach((item, index) => {
    if (typeof item !== 'object' || item === null) return;
    const node = item as Node;
    const kind = hasType(node, 'FileSet') ? 'FileSet' : 'FileObject';
    const id = typeof node['@id'] === 'string' ? node['@id'] : (text(property(node, 'name'), language) ?? `distribution-${index + 1}`);
    const name = text(property(node, 'name'), language);
    const description = text(property(node, 'description'), language);
    const contentUrl = text(property(node, 'contentUrl'), language);
    const encodingFormat = text(property(node, 'encodingFormat'), language);
    const contentSize = text(property(node, 'contentSize'), language);
    const checksum = (term: string, pattern: RegExp) => {
      const value = text(property(node, term), language)?.toLowerCase();
      if (value && !pattern.test(value)) distribution.notes.push(`${id}: ${term} "${value}" is not a digest; left out`);
      return value && pattern.test(value) ? value : undefined;
    };
    const sha256 = checksum('sha256', SHA256);
    const md5 = checksum('md5', MD5);
    if (!encodingFormat) {
      missing.push(`distribution[${index}] (${id}): encodingFormat`);
      return;
    }
    const size = bytes(contentSize);
    if (kind === 'FileObject' && contentUrl && isAbsoluteUrl(contentUrl) && MEDIA_TYPE.test(encodingFormat) && size !== undefined && (sha256 || md5)) {
      distribution.sources.set(id, contentUrl);
      distribution.files.push({ name: name ?? id, url: contentUrl, mediaType: encodingFormat, size, ...(sha256 && { sha256 }), ...(md5 && { md5 }), ...(description && { description }) });
      return;
    }
    const containedIn = ids(property(node, 'containedIn'));
    const includes = list(property(node, 'includes')).filter((glob): glob is string => typeof glob === 'string');
    distribution.sources.set(id, id);
    distribution.kept.push({
      id,
      kind,
      ...(name && { name }),
      ...(description && { description }),
      ...(contentUrl && { contentUrl }),
      encodingFormat,
      ...(contentSize && { contentSize }),
      ...(sha256 && { sha256 }),
      ...(md5 && { md5 }),
      ...(containedIn.length && { containedIn }),
      ...(includes.length && { includes }),
    });
  });
  return { distribution, missing };
}
