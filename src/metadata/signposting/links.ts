/**
 * FAIR Signposting: typed links from a landing page to its identifier,
 * metadata, authors, licence and files. Level 1 is rendered as <link> tags in
 * <head>; level 2 is the same set as a linkset document.
 */
import type { MetadataContext } from '../context.ts';
import { citeAsUrl, creatorsOf, isWithdrawn, licenseOf, type PublishedRecord } from '../common/record-facts.ts';
import type { Serializer } from '../types.ts';

export interface TypedLink {
  rel: 'cite-as' | 'describedby' | 'type' | 'author' | 'license' | 'item' | 'linkset';
  href: string;
  type?: string;
  profile?: string;
}

export const LINKSET_FILE = 'linkset.json';
export const LINKSET_MEDIA_TYPE = 'application/linkset+json';

const PREFIXES: Record<string, string> = {
  fair4ml: 'https://w3id.org/fair4ml#',
  prov: 'http://www.w3.org/ns/prov#',
};

/** IRIs of the JSON-LD types a record's schema.org document declares. */
export function typeIris(types: string | string[]): string[] {
  return [types].flat().map((type) => {
    const [prefix, local] = type.split(':');
    return local && PREFIXES[prefix!] ? `${PREFIXES[prefix!]}${local}` : `https://schema.org/${type}`;
  });
}

export interface SignpostingInput {
  record: PublishedRecord;
  context: MetadataContext;
  /** Every export the record has, each announced as `describedby`. */
  exports: readonly Serializer[];
  /** The @type of the record's schema.org description. */
  schemaOrgType: string | string[];
}

export function signpostingLinks({ record, context, exports, schemaOrgType }: SignpostingInput): TypedLink[] {
  const links: TypedLink[] = [{ rel: 'cite-as', href: citeAsUrl(record, context) }];
  for (const serializer of exports) {
    if (serializer.fileName === LINKSET_FILE) continue;
    links.push({ rel: 'describedby', href: context.exportUrl(record, serializer.fileName), type: serializer.mediaType, profile: serializer.profile });
  }
  for (const href of [...typeIris(schemaOrgType), 'https://schema.org/AboutPage']) links.push({ rel: 'type', href });
  for (const creator of creatorsOf(record, context)) {
    const id = creator.orcid ?? creator.ror;
    if (id) links.push({ rel: 'author', href: id });
  }
  links.push({ rel: 'license', href: licenseOf(record, context).url });
  if (!isWithdrawn(record) && 'files' in record.data) {
    for (const file of record.data.files ?? []) links.push({ rel: 'item', href: file.url, type: file.mediaType });
  }
  links.push({ rel: 'linkset', href: context.exportUrl(record, LINKSET_FILE), type: LINKSET_MEDIA_TYPE });
  return links;
}

type LinkTarget = { href: string; type?: string; profile?: string };

/** RFC 9264 JSON linkset with the landing page as anchor; every URL absolute. */
export function linksetDocument(anchor: string, links: readonly TypedLink[]): { linkset: Record<string, string | LinkTarget[]>[] } {
  const context: Record<string, string | LinkTarget[]> = { anchor };
  for (const { rel, ...target } of links) {
    if (rel === 'linkset') continue;
    const clean = Object.fromEntries(Object.entries(target).filter(([, value]) => value !== undefined)) as LinkTarget;
    ((context[rel] ??= []) as LinkTarget[]).push(clean);
  }
  return { linkset: [context] };
}
