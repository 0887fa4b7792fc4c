/**
 * The first stage of a build: which records this build makes pages and exports
 * for. A whole build makes all of them and finishes the site (sitemap, catalog,
 * feed, redirects, search index); a shard makes its share of the records and
 * leaves finishing to the merge; a preview makes the records a change touches.
 * Every build loads the whole catalog, since pages show their neighbours.
 *
 * Plan → render (Astro) → write (exports) → index → merge: the CLI and the
 * integration read the plan from the environment, so `astro build` run by
 * hand and `npm run build -- --shard 3/8` plan alike.
 */
import type { AnyRecord } from '../catalog/load.ts';
import { recordTypeNames } from '../schema/index.ts';
import type { Site } from '../site/site.ts';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export interface BuildPlan {
  /** What the log and the bench call this build: "whole site", "shard 3/8", "preview of 4 records". */
  label: string;
  /** The same for every build of this kind, whatever its records: names its cache. */
  kind: string;
  /** Records that get their landing page and exports here, in page order. */
  records: AnyRecord[];
  /** Whether this build writes the files that span the site and the search index (else the merge does). */
  finishesSite: boolean;
}

export const SHARD_ENV = 'HELIOGRAPH_SHARD';
export const ONLY_ENV = 'HELIOGRAPH_ONLY';

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new Error(`--shard takes <index>/<count> with 1 ≤ index ≤ count, e.g. 3/8; got "${text}"`);
  return { index, count };
}

/** Page order: by type as the catalog lists them, then by id. */
export function pageOrder(site: Site): AnyRecord[] {
  const rank = new Map(recordTypeNames.map((type, position) => [type, position]));
  return [...site.catalog.records.values()].sort((a, b) => rank.get(a.type)! - rank.get(b.type)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function planWholeSite(site: Site): BuildPlan {
  return { label: 'whole site', kind: 'site', records: pageOrder(site), finishesSite: true };
}

/** Every count-th record in page order, so that each shard gets its share of every type (run pages cost most). */
export function planShard(site: Site, { index, count }: Shard): BuildPlan {
  const records = pageOrder(site).filter((_, position) => position % count === index - 1);
  return { label: `shard ${index}/${count}`, kind: `shard-${index}-of-${count}`, records, finishesSite: false };
}

/** A build of some records only (a pull-request preview): their pages and exports, nothing site-wide. */
export function planOnly(site: Site, ids: Iterable<string>): BuildPlan {
  const wanted = new Set(ids);
  const records = pageOrder(site).filter((record) => wanted.has(record.id));
  return { label: `preview of ${records.length} record${records.length === 1 ? '' : 's'}`, kind: 'preview', records, finishesSite: false };
}

/** The plan the environment asks for: HELIOGRAPH_SHARD=3/8, HELIOGRAPH_ONLY=id,id,…, else the whole site. */
export function planFromEnvironment(site: Site, env: NodeJS.ProcessEnv = process.env): BuildPlan {
  if (env[SHARD_ENV]) return planShard(site, parseShard(env[SHARD_ENV]));
  if (env[ONLY_ENV] !== undefined) return planOnly(site, env[ONLY_ENV].split(',').filter(Boolean));
  return planWholeSite(site);
}
