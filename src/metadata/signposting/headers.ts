/**
 * FAIR Signposting in HTTP headers, for hosts that read a `_headers` file
 * (Netlify, Cloudflare Pages): each landing page answers with the same typed
 * links as its HTML head, as `Link` headers, and each export with its media
 * type. GitHub Pages reads no such file; there the HTML links and the
 * linkset are the signposting.
 */
import type { MetadataContext } from '../context.ts';
import { serializersFor, recordSerializers, schemaOrgType } from '../index.ts';
import type { PublishedRecord } from '../types.ts';
import { signpostingLinks, type TypedLink } from './links.ts';

export const HEADERS_FILE = '_headers';

/** One RFC 8288 link: `<href>; rel="…"; type="…"; profile="…"`. */
export function linkHeaderValue({ href, rel, type, profile }: TypedLink): string {
  return [`<${href}>`, `rel="${rel}"`, type && `type="${type}"`, profile && `profile="${profile}"`].filter(Boolean).join('; ');
}

/** A site path as the host matches it: the URL's path, so a site under a sub-path keeps it. */
function sitePath(url: string): string {
  return new URL(url).pathname;
}

/**
 * The `_headers` file. Media types come first, one rule per export file name
 * (a splat matches every record's copy), so that a host capping the number of
 * rules (Cloudflare Pages reads 100) still serves every export right; then a
 * rule per landing page, one `Link` line per link (hosts join repeated
 * headers with commas), which keeps lines short (Cloudflare's limit is 2,000
 * characters).
 */
export function headersFile(records: readonly PublishedRecord[], context: MetadataContext): string {
  const base = sitePath(context.url('/'));
  const mediaTypes = new Map(recordSerializers.map((serializer) => [serializer.fileName, serializer.mediaType]));
  const rules = [...mediaTypes].map(([fileName, mediaType]) => [`${base}*/${fileName}`, `  Content-Type: ${mediaType}`]);
  for (const record of records) {
    const exports = serializersFor(record);
    const links = signpostingLinks({ record, context, exports, schemaOrgType: schemaOrgType(record) });
    rules.push([sitePath(context.landingUrl(record)), ...links.map((link) => `  Link: ${linkHeaderValue(link)}`)]);
  }
  return `${rules.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
