/** Links to records and to things outside the catalog, as the pages show them. */
import { isExternal } from '../catalog/graph.ts';
import { doiUrl, isDoi } from '../schema/common/identifiers.ts';
import { recordTypes } from '../schema/index.ts';
import type { Site } from '../site/site.ts';
import { landingPath } from '../catalog/urls.ts';

export interface RecordLink {
  title: string;
  /** Site-relative path for records, absolute URL for external references. */
  href: string;
  typeLabel?: string;
  external: boolean;
}

function titleOf(data: Record<string, unknown>): string {
  return String(data.title ?? data.name);
}

export function linkTo(site: Site, target: string): RecordLink {
  if (isExternal(target)) {
    return { title: isDoi(target) ? `doi:${target}` : target, href: isDoi(target) ? doiUrl(target) : target, external: true };
  }
  const record = site.catalog.records.get(target)!;
  return {
    title: titleOf(record.data as Record<string, unknown>),
    href: landingPath(record.type, record.id),
    typeLabel: recordTypes[record.type].label,
    external: false,
  };
}
