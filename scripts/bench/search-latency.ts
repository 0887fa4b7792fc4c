/**
 * How long a reader waits for search on a built site: in Chromium, from a
 * fresh page with nothing cached, the time until Pagefind has the first
 * result's data for a query (loading the index chunks that query needs), and
 * how big the index is.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../test/helpers/browser.ts';
import { serveStatic } from '../../src/cli/static-server.ts';

export interface SearchLatency {
  query: string;
  firstResultMs: number;
  results: number;
}

export function indexSize(distDir: string): { bytes: number; files: number } {
  const folder = join(distDir, 'pagefind');
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => statSync(join(folder, file)).isFile());
  return { bytes: files.reduce((total, file) => total + statSync(join(folder, file)).size, 0), files: files.length };
}

export async function measureSearchLatency(distDir: string, basePath: string, queries: string[]): Promise<SearchLatency[]> {
  const server = await serveStatic(distDir, basePath);
  const browser = await launchChromium();
  try {
    const measured: SearchLatency[] = [];
    for (const query of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url);
      measured.push(
        await page.evaluate(async ({ bundle, query }) => {
          const started = performance.now();
          const pagefind = await import(`${bundle}pagefind.js`);
          const search = await pagefind.search(query);
          if (search.results.length) await search.results[0].data();
          return { query, firstResultMs: performance.now() - started, results: search.results.length as number };
        }, { bundle: `${server.url}pagefind/`, query }),
      );
      await context.close();
    }
    return measured;
  } finally {
    await browser.close();
    await server.close();
  }
}
