/**
 * Search quality of a built site, as a reader gets it: each query is typed into
 * the site's own search page in Chromium, and the order of the results is
 * compared with the record that must come first. Prints, and returns, the share
 * of queries whose record is ranked first (top-1) and the mean reciprocal rank
 * over the first 10 results (MRR@10: 1 for first, 1/2 for second, 0 below 10th).
 *   npm run bench:search -- <dist> [--queries test/fixtures/search/example-queries.json]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/helpers/browser.ts';
import { serveStatic } from '../../src/cli/static-server.ts';

/** A query and the record (its path under the base, e.g. `datasets/fashion-mnist`) that must be ranked first. */
export interface SearchQuery {
  query: string;
  first: string;
  /** Records that must be in the first five. */
  inTopFive?: string[];
}

export interface QueryOutcome extends SearchQuery {
  /** Record paths in result order (the first page of results). */
  ranked: string[];
  /** 1-based rank of `first`, 0 if not on the first page. */
  rank: number;
}

export const EXAMPLE_QUERIES = 'test/fixtures/search/example-queries.json';
const CUTOFF = 10;

export function readQueries(file: string): SearchQuery[] {
  return JSON.parse(readFileSync(file, 'utf8')) as SearchQuery[];
}

/** The base path the site was built for, from its search page (the Pagefind bundle sits at `<base>pagefind/`). */
function basePath(distDir: string): string {
  const html = readFileSync(resolve(distDir, 'search/index.html'), 'utf8');
  const bundle = /data-bundle="([^"]+)"/.exec(html)?.[1];
  if (!bundle) throw new Error(`${distDir}/search/index.html has no search bundle path: is it a Heliograph build?`);
  return bundle.replace(/pagefind\/$/, '');
}

/** Runs `query` on the search page and returns the result paths, relative to the base. */
export async function rankedResults(page: Page, siteUrl: string, base: string, query: string): Promise<string[]> {
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector('[data-search][data-state="done"]');
  const hrefs = await page.locator('.search-result h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => href.slice(base.length).replace(/\/$/, ''));
}

export async function runQueries(distDir: string, queries: SearchQuery[]): Promise<QueryOutcome[]> {
  const base = basePath(distDir);
  const server = await serveStatic(resolve(distDir), base);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const outcomes: QueryOutcome[] = [];
    for (const query of queries) {
      const ranked = await rankedResults(page, server.url, base, query.query);
      outcomes.push({ ...query, ranked, rank: ranked.slice(0, CUTOFF).indexOf(query.first) + 1 });
    }
    return outcomes;
  } finally {
    await browser.close();
    await server.close();
  }
}

export function scoreOutcomes(outcomes: QueryOutcome[]): { top1: number; mrr: number } {
  const count = outcomes.length || 1;
  return {
    top1: outcomes.filter((outcome) => outcome.rank === 1).length / count,
    mrr: outcomes.reduce((sum, outcome) => sum + (outcome.rank ? 1 / outcome.rank : 0), 0) / count,
  };
}

export async function measureSearchQuality(distDir: string, queries: SearchQuery[]): Promise<{ top1: number; mrr: number }> {
  return scoreOutcomes(await runQueries(distDir, queries));
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { queries: { type: 'string', default: EXAMPLE_QUERIES } } });
  const distDir = positionals[0] ?? 'dist';
  const outcomes = await runQueries(distDir, readQueries(values.queries));
  for (const outcome of outcomes) console.log(`${String(outcome.rank || '-').padStart(3)}  ${outcome.query.padEnd(30)} ${outcome.rank === 1 ? '' : `→ ${outcome.ranked.slice(0, 3).join(', ')}`}`);
  const { top1, mrr } = scoreOutcomes(outcomes);
  console.log(`\n${outcomes.length} queries on ${distDir}: top-1 ${(top1 * 100).toFixed(1)}%, MRR@10 ${mrr.toFixed(3)}`);
}
