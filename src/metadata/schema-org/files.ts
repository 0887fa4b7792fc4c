/**
 * Files as schema.org DataDownloads. Checksums are written twice, for two
 * kinds of reader: schema.org's own `sha256` (a "new" schema.org term; md5 has
 * none) and `spdx:checksum`, the DCAT-AP form, which names the algorithm and
 * so carries md5 as well. Both expand to real IRIs; nothing relies on a
 * made-up term.
 */
import type { FileEntry } from '../../schema/index.ts';
import { containedFile } from '../common/compressed-files.ts';
import { node, type JsonLdNode, type Maybe } from './jsonld.ts';
import { checksumAlgorithms } from './vocabulary.ts';

/** SPDX checksums of a file, sha256 first. */
export function spdxChecksums(file: FileEntry): JsonLdNode[] {
  return (Object.keys(checksumAlgorithms) as (keyof typeof checksumAlgorithms)[]).flatMap((algorithm) => {
    const value = file[algorithm];
    if (!value) return [];
    return [
      node({
        '@type': 'spdx:Checksum',
        'spdx:algorithm': { '@id': checksumAlgorithms[algorithm] },
        'spdx:checksumValue': { '@value': value, '@type': 'xsd:hexBinary' },
      }),
    ];
  });
}

/**
 * contentSize in bytes, without unit: F-UJI compares it with the download's
 * length. A compressed file states its content's format too.
 */
export function fileNode(file: FileEntry, extra: Record<string, Maybe> = {}): JsonLdNode {
  const contained = containedFile(file);
  return node({
    '@type': 'DataDownload',
    name: file.name,
    description: file.description,
    contentUrl: file.url,
    encodingFormat: contained ? [file.mediaType, contained.mediaType] : file.mediaType,
    contentSize: String(file.size),
    sha256: file.sha256,
    'spdx:checksum': spdxChecksums(file),
    ...extra,
  });
}
