/**
 * How long a reader waits for search on a built site, on the search page
 * itself (its Pagefind calls, facet counts, relevance tiers and rendering):
 * opening /search/?q=… in Chromium with nothing cached, the time from
 * navigation until the first results are shown; then, on that page with its
 * facet counts done, the time from submitting another query until its
 * results are shown. Also how big the index is.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../test/helpers/browser.ts';
import { serveStatic } from '../../src/cli/static-server.ts';

export interface SearchLatency {
  query: string;
  /** Navigation to /search/?q=query until its results are shown. */
  coldMs: number;
  /** On the loaded page, submitting `next` until its results are shown. */
  warmMs: number;
  next: string;
  /** The page's own count of results. */
  status: string;
}

export function indexSize(distDir: string): { bytes: number; files: number } {
  const folder = join(distDir, 'pagefind');
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => statSync(join(folder, file)).isFile());
  return { bytes: files.reduce((total, file) => total + statSync(join(folder, file)).size, 0), files: files.length };
}

// Results are shown before their facet counts (data-state "counting"), as a reader sees them.
const SHOWN = '[data-search] .search-results li';

/** `queries` in pairs: each is opened cold, then the next one (or the first) is typed on its page. */
export async function measureSearchLatency(distDir: string, basePath: string, queries: string[]): Promise<SearchLatency[]> {
  const server = await serveStatic(distDir, basePath);
  const browser = await launchChromium();
  try {
    const measured: SearchLatency[] = [];
    for (const [index, query] of queries.entries()) {
      const next = queries[(index + 1) % queries.length]!;
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(new URL(`search/?q=${encodeURIComponent(query)}`, server.url).href);
      await page.waitForSelector(SHOWN, { timeout: 120_000 });
      const coldMs = await page.evaluate(() => performance.now());
      const status = await page.locator('.search-status').innerText();
      // The reader reads the results, and the page finishes their facet counts, before typing again.
      await page.waitForSelector('[data-search][data-state="done"]', { timeout: 120_000 });
      const warmMs = await page.evaluate(
        ({ next, shown }) =>
          new Promise<number>((resolve) => {
            const root = document.querySelector<HTMLElement>('[data-search]')!;
            root.querySelector<HTMLInputElement>('input[name="q"]')!.value = next;
            const started = performance.now();
            root.querySelector('form')!.requestSubmit();
            const settled = () => (document.querySelector(shown) && root.querySelector('.search-status')!.textContent!.includes(next) ? resolve(performance.now() - started) : requestAnimationFrame(settled));
            requestAnimationFrame(settled);
          }),
        { next, shown: SHOWN },
      );
      measured.push({ query, coldMs, warmMs, next, status });
      await context.close();
    }
    return measured;
  } finally {
    await browser.close();
    await server.close();
  }
}
