import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES, rankedResults, readQueries, runQueries, scoreOutcomes, type QueryOutcome } from '../../scripts/bench/search-quality.ts';
import { hasChromium, launchChromium } from '../helpers/browser.ts';
import { serveStatic } from '../../src/cli/static-server.ts';
import { builtSite } from './helpers.ts';

describe.skipIf(!hasChromium)('search on the built example site, in Chromium', () => {
  const example = builtSite('example');
  let outcomes: QueryOutcome[];
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let page: Page;

  beforeAll(async () => {
    outcomes = await runQueries(example.outDir, readQueries(EXAMPLE_QUERIES));
    server = await serveStatic(example.outDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('ranks the record each query of the test set means first, and the others it names in the first five', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(20);
    const misses = outcomes.flatMap((outcome) => [
      ...(outcome.rank === 1 ? [] : [`"${outcome.query}": ${outcome.first} is ${outcome.rank || 'not in the first 10'}, first is ${outcome.ranked[0]}`]),
      ...(outcome.inTopFive ?? []).filter((path) => !outcome.ranked.slice(0, 5).includes(path)).map((path) => `"${outcome.query}": ${path} is not in the first five (${outcome.ranked.slice(0, 5).join(', ')})`),
    ]);
    expect(misses).toEqual([]);
    expect(scoreOutcomes(outcomes)).toEqual({ top1: 1, mrr: 1 });
  });

  it('puts a withdrawn record after the current ones and marks it', async () => {
    const ranked = await rankedResults(page, server.url, '/', 'augmented split');
    expect(ranked.at(-1)).toBe('datasets/fashion-mnist-augmented-v1');
    const withdrawn = page.locator('.search-result', { has: page.locator('a[href="/datasets/fashion-mnist-augmented-v1/"]') });
    await expect(withdrawn.locator('.badge-withdrawn').textContent()).resolves.toBe('Withdrawn');
    await expect(page.locator('.search-result .badge-withdrawn').count()).resolves.toBe(1);
  });

  it('shows type, title, project, date and a marked excerpt of the description or body, never the header labels', async () => {
    await rankedResults(page, server.url, '/', 'resnet-18');
    const first = page.locator('.search-result').first();
    await expect(first.locator('.badge').first().textContent()).resolves.toBe('Model');
    await expect(first.locator('h2').innerText()).resolves.toBe('ResNet-18 for Fashion-MNIST');
    await expect(first.locator('.search-context').innerText()).resolves.toBe('Compact image classifiers for Fashion-MNIST · 3 April 2024');
    await expect(first.locator('.search-excerpt mark').first().innerText()).resolves.toBe('ResNet-18');
    const excerpts = await page.locator('.search-excerpt').allInnerTexts();
    expect(excerpts.length).toBeGreaterThan(5);
    for (const excerpt of excerpts) expect(excerpt).not.toMatch(/Creators|Licence|Published|Status|Started|DOI|\biD\b/);
  });

  it('keeps query, filters and order in the URL, counts per filter value, and restores a shared link', async () => {
    await page.goto(`${server.url}search/?q=fashion`);
    await page.waitForSelector('[data-search][data-state="done"]');
    const all = await page.locator('.search-result').count();
    const facetValue = (value: string) => page.locator('.facet label').filter({ has: page.locator(`input[value="${value}"]`) });
    const dataset = facetValue('Dataset');
    await expect(dataset.innerText()).resolves.toMatch(/^\s*Dataset \(5\)$/);
    await dataset.locator('input').check();
    await page.waitForURL(/q=fashion&type=Dataset$/);
    await page.waitForSelector('[data-search][data-state="done"]');
    await expect(page.locator('.search-result').count()).resolves.toBe(5);
    expect(all).toBeGreaterThan(5);
    // Values of one filter are alternatives: the other types keep their counts.
    await expect(facetValue('Model').innerText()).resolves.toMatch(/^\s*Model \(3\)$/);
    await page.locator('[data-order="date"]').click();
    await page.waitForURL(/q=fashion&type=Dataset&sort=date$/);
    await page.waitForSelector('[data-search][data-state="done"]');
    const shared = page.url();
    const dated = await page.locator('.search-result h2').allInnerTexts();
    expect(dated[0]).toBe("Fashion re-photographed: garments under the lab's light box");
    const other = await browser.newPage();
    await other.goto(shared);
    await other.waitForSelector('[data-search][data-state="done"]');
    await expect(other.locator('.search-result h2').allInnerTexts()).resolves.toEqual(dated);
    await expect(other.locator('input[name="type"][value="Dataset"]').isChecked()).resolves.toBe(true);
    await expect(other.locator('#search-query').inputValue()).resolves.toBe('fashion');
    await other.close();
    await page.goBack();
    await page.waitForURL(/q=fashion&type=Dataset$/);
    await page.waitForSelector('[data-search][data-state="done"]');
    await expect(page.locator('[data-order="relevance"]').getAttribute('aria-current')).resolves.not.toBeNull();
    await page.screenshot({ path: 'test-results/screenshots/search.png', fullPage: true });
  });

  it('lists filter values without counts, and loads no filter to count, when the page says the catalog is too large to count', async () => {
    const other = await browser.newPage();
    const filterFiles: string[] = [];
    other.on('request', (request) => request.url().includes('/pagefind/filter/') && filterFiles.push(request.url()));
    // The page of a catalog above COUNTED_RECORDS carries its filter values (uncountedFacetValues).
    await other.route('**/search/?*', async (route) => {
      const response = await route.fetch();
      const listed = JSON.stringify({ type: ['Dataset', 'Model', 'Run'] }).replaceAll('"', '&quot;');
      await route.fulfill({ response, body: (await response.text()).replace('data-search ', `data-search data-facet-values="${listed}" `) });
    });
    await other.goto(`${server.url}search/?q=fashion`);
    await other.waitForSelector('[data-search][data-state="done"]');
    expect(filterFiles).toEqual([]);
    await expect(other.locator('.facet label').allInnerTexts()).resolves.toEqual(['Dataset', 'Model', 'Run'].map((value) => expect.stringMatching(new RegExp(`^\\s*${value}$`))));
    await other.locator('.facet input[value="Model"]').check();
    await other.waitForURL(/q=fashion&type=Model$/);
    await other.waitForSelector('[data-search][data-state="done"]');
    await expect(other.locator('.search-result .badge').allTextContents()).resolves.toEqual(Array(3).fill('Model'));
    // The chosen filter's values are loaded to apply it, not every filter to count.
    expect(filterFiles.length).toBeLessThan(readdirSync(join(example.outDir, 'pagefind/filter')).length);
    await other.close();
  });

  it('searches from the header box of any page', async () => {
    await page.goto(`${server.url}datasets/`);
    await page.locator('#site-search').fill('lenet');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/\/search\/\?q=lenet$/);
    await page.waitForSelector('[data-search][data-state="done"]');
    await expect(page.locator('.search-result h2').first().innerText()).resolves.toBe('LeNet-5 baseline for Fashion-MNIST');
  });
});

describe.skipIf(!hasChromium)('search under a sub-path base URL', () => {
  const edge = builtSite('edge');

  it('loads the index and links results under the base', async () => {
    const server = await serveStatic(edge.outDir, '/catalog/');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const ranked = await rankedResults(page, server.url, '/catalog/', 'edge');
      expect(ranked.length).toBeGreaterThan(0);
      const hrefs = await page.locator('.search-result h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      for (const href of hrefs) expect(href).toMatch(/^\/catalog\/(projects|datasets|models|runs|software|workflows|instruments)\/[^/]+\/$/);
      await page.goto(`${server.url}${ranked[0]}/`);
      await expect(page.locator('h1').count()).resolves.toBe(1);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
