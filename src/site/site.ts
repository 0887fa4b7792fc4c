/**
 * The checked catalog and everything computed from it once per build: the
 * graph, the metadata context and the published records. Pages, the export
 * writer and the dev server all read this one object.
 */
import { checkCatalog, type CheckedCatalog } from '../catalog/check.ts';
import { buildGraph } from '../catalog/graph.ts';
import { loadCatalog, type AnyRecord } from '../catalog/load.ts';
import { countBySeverity } from '../diagnostics/problem.ts';
import { reportText } from '../diagnostics/reporters/text.ts';
import { createMetadataContext, type MetadataContext } from '../metadata/context.ts';
import type { PublishedRecord } from '../metadata/types.ts';
import { isPublished, publicationDate } from '../metadata/common/record-facts.ts';
import { catalogHistory, lastModified as newestCommitDate, type CatalogHistory } from '../publishing/git-history.ts';
import type { CatalogSettings } from '../schema/index.ts';
import { statSync } from 'node:fs';

export interface Site extends CheckedCatalog {
  settings: CatalogSettings;
  context: MetadataContext;
  /** Projects, datasets, models and runs: the records with landing pages and exports. */
  published: PublishedRecord[];
  /** Each record file's commits, from one `git log` over the catalog. */
  history: CatalogHistory;
  /** How long loading (and checking) the catalog took. */
  loadMs: number;
  /** A record's last change, YYYY-MM-DD: its newest commit, else its own dates, else its file's time. */
  lastModified(record: AnyRecord): string;
}

export class CatalogInvalidError extends Error {
  readonly report: string;
  constructor(report: string) {
    super(`the catalog has errors; fix them and build again:\n${report}`);
    this.name = 'CatalogInvalidError';
    this.report = report;
  }
}

function siteOf(checked: CheckedCatalog, settings: CatalogSettings, loadMs: number): Site {
  const context = createMetadataContext(settings, checked.graph, checked.catalog.bibliography);
  const published = [...checked.catalog.records.values()].filter(isPublished);
  // One `git log` over the catalog, run when a page or the sitemap first asks.
  let history: CatalogHistory | undefined;
  const site: Site = {
    ...checked,
    settings,
    context,
    published,
    loadMs,
    get history() {
      return (history ??= catalogHistory(checked.catalog.root));
    },
    lastModified: (record) => {
      const committed = site.history.available ? newestCommitDate(site.history.forFile(record.path)) : undefined;
      if (committed) return committed.slice(0, 10);
      if ('dateModified' in record.data && record.data.dateModified) return record.data.dateModified;
      const date = isPublished(record) ? publicationDate(record) : undefined;
      return date ?? statSync(record.path).mtime.toISOString().slice(0, 10);
    },
  };
  return site;
}

/** Loads and checks a catalog; refuses (throws) if it has errors, so no partial site is built. */
export function loadSite(folder: string): Site {
  const started = performance.now();
  const checked = checkCatalog(folder);
  if (countBySeverity(checked.problems).error > 0 || !checked.catalog.settings) {
    throw new CatalogInvalidError(reportText(checked.problems, checked.catalog.records.size));
  }
  return siteOf(checked, checked.catalog.settings, performance.now() - started);
}

/**
 * Loads a catalog that has already been checked (the merge of shards, each of
 * which checked it): the records and the graph, without the cross-record rules.
 */
export function openValidatedSite(folder: string): Site {
  const started = performance.now();
  const catalog = loadCatalog(folder);
  if (!catalog.settings || catalog.problems.some((entry) => entry.severity === 'error')) throw new CatalogInvalidError(reportText(catalog.problems, catalog.records.size));
  return siteOf({ catalog, graph: buildGraph(catalog.records), problems: catalog.problems }, catalog.settings, performance.now() - started);
}

/**
 * What another thread needs of a checked catalog to render pages and exports
 * from it: records without their source text (only problems need positions),
 * the settings and references.bib. Structured-cloned to the build's worker,
 * which re-read and re-parsed every file before (2.5 s of CPU at 10,000
 * records, against about a tenth of that to copy).
 */
export interface CatalogSnapshot {
  root: string;
  settings: CatalogSettings;
  bibliography?: string;
  records: Omit<AnyRecord, 'source'>[];
}

export function catalogSnapshot(site: Site): CatalogSnapshot {
  const { root, bibliography } = site.catalog;
  return { root, settings: site.settings, bibliography, records: [...site.catalog.records.values()].map(({ source: _source, ...record }) => record) };
}

/** The site of a snapshot: the same records, graph and context as the thread that checked it. */
export function openSnapshotSite(snapshot: CatalogSnapshot): Site {
  const started = performance.now();
  const sourceless = (record: Omit<AnyRecord, 'source'>): AnyRecord =>
    ({
      ...record,
      source: {
        file: record.file,
        data: record.data,
        body: record.body,
        bodyLine: 0,
        positioned: () => {
          throw new Error(`${record.file}: a catalog snapshot has no source positions; problems are the checking thread's to report`);
        },
      },
    }) as AnyRecord;
  const records = new Map(snapshot.records.map((record) => [record.id, sourceless(record)]));
  const catalog = { root: snapshot.root, settings: snapshot.settings, bibliography: snapshot.bibliography, records, withErrors: new Map(), problems: [] };
  return siteOf({ catalog, graph: buildGraph(records), problems: [] }, snapshot.settings, performance.now() - started);
}

// The content loader and the page modules are evaluated separately by Astro but
// run in one process: one cache on globalThis loads the catalog once per build.
const CACHE = Symbol.for('heliograph.site');
type Cache = { folder: string; site: Site };
const cacheHolder = globalThis as typeof globalThis & { [CACHE]?: Cache };

export function getSite(folder: string): Site {
  const cached = cacheHolder[CACHE];
  if (cached?.folder === folder) return cached.site;
  const site = loadSite(folder);
  cacheHolder[CACHE] = { folder, site };
  return site;
}

/** Drops the cached catalog so the next page render reads the files again (dev server). */
export function invalidateSite(): void {
  delete cacheHolder[CACHE];
}
