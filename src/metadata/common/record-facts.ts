/**
 * Facts about a record that several standards state in their own words:
 * creators, licence, dates, DOI, withdrawal. Computed once here so the
 * serializers agree with each other and with the landing page.
 */
import spdxLicenses from 'spdx-license-list/spdx.json' with { type: 'json' };
import type { AnyRecord, CatalogRecord } from '../../catalog/load.ts';
import { doiUrl } from '../../schema/common/identifiers.ts';
import { publishedTypes, type PublishedType } from '../../schema/index.ts';
import type { MetadataContext } from '../context.ts';
import { resolveAgent, resolveAgents, type ResolvedAgent } from './agents.ts';

export type PublishedRecord = { [T in PublishedType]: CatalogRecord<T> }[PublishedType];

/** Projects, datasets, models and runs: the records with landing pages, citations and exports. */
export function isPublished(record: AnyRecord | undefined): record is PublishedRecord & AnyRecord {
  return !!record && (publishedTypes as readonly string[]).includes(record.type);
}

export interface License {
  /** SPDX id; absent for licence terms that SPDX does not list (a dataset's licenseUrl). */
  id?: string;
  name: string;
  /** Canonical SPDX licence page, the URL FAIR tools recognise; else the terms' own URL. */
  url: string;
}

export function licenseOf(record: PublishedRecord, context: MetadataContext): License {
  // A dataset's own terms outrank the catalog's default licence, which was never granted for it.
  if (record.type === 'dataset' && !record.data.license && record.data.licenseUrl) {
    return { name: 'Licence terms', url: record.data.licenseUrl };
  }
  const id = record.data.license ?? context.settings.license;
  const entry = (spdxLicenses as Record<string, { name: string }>)[id];
  return { id, name: entry?.name ?? id, url: `https://spdx.org/licenses/${id}` };
}

/** Who a record is credited to: runs to their agents, instruments to their manufacturers (PIDINST). */
function creatorIds(record: PublishedRecord): readonly string[] | undefined {
  switch (record.type) {
    case 'run':
      return record.data.agents;
    case 'instrument':
      return record.data.manufacturers;
    default:
      return record.data.creators;
  }
}

/** Creators in citation order, else the publisher. */
export function creatorsOf(record: PublishedRecord, context: MetadataContext): ResolvedAgent[] {
  const ids = creatorIds(record);
  const creators = resolveAgents(context, ids);
  if (creators.length) return creators;
  const publisher = resolveAgent(context, context.settings.publisher);
  return publisher ? [publisher] : [];
}

export function publisherOf(context: MetadataContext): ResolvedAgent | undefined {
  return resolveAgent(context, context.settings.publisher);
}

/** The date a record was published: its own, else (runs) when it ended or started. */
export function publicationDate(record: PublishedRecord): string | undefined {
  if (record.data.datePublished) return record.data.datePublished;
  if (record.type === 'run') return (record.data.endTime ?? record.data.startTime).slice(0, 10);
  if (record.type === 'project') return record.data.startDate;
  return undefined;
}

export function publicationYear(record: PublishedRecord): string {
  return (publicationDate(record) ?? new Date().toISOString()).slice(0, 4);
}

export function descriptionOf(record: PublishedRecord): string {
  if (record.type === 'project') return record.data.summary;
  return record.data.description ?? record.data.title;
}

/** The DOI the record has, or the one the catalog's prefix proposes for it. */
export function doiOf(record: PublishedRecord, context: MetadataContext): { doi: string; registered: boolean } | undefined {
  if (record.data.doi) return { doi: record.data.doi, registered: true };
  if (context.settings.doiPrefix) return { doi: `${context.settings.doiPrefix}/${record.id}`, registered: false };
  return undefined;
}

/** What a citation points at: the DOI URL where one exists, else the landing page. */
export function citeAsUrl(record: PublishedRecord, context: MetadataContext): string {
  return record.data.doi ? doiUrl(record.data.doi) : context.landingUrl(record);
}

export function isWithdrawn(record: PublishedRecord): boolean {
  return record.data.status?.state === 'withdrawn';
}
