/**
 * Labels and values are separate words wherever the text of a page is read:
 * in the search index (Pagefind's text of each page), and in the text a reader
 * copies or a screen reader speaks (the rendered text in Chromium).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.ts';
import { serveStatic } from '../../src/cli/static-server.ts';
import { publishedTypes } from '../../src/schema/index.ts';
import { builtSite, decodeEntities } from './helpers.ts';

const example = builtSite('example');

/** Every page Pagefind indexed, with the text it holds for it. */
function indexedPages(outDir: string): { url: string; content: string }[] {
  const folder = join(outDir, 'pagefind/fragment');
  return readdirSync(folder).map((file) => JSON.parse(gunzipSync(readFileSync(join(folder, file))).toString('utf8').replace(/^pagefind_dcd/, '')));
}

/** The labels a landing page shows: definition terms, table headings, badges. */
function labelsOf(html: string): string[] {
  const texts = [...html.matchAll(/<(dt|th)\b[^>]*>([^<]+)<\/\1>|<span class="badge[^"]*">([^<]+)<\/span>/g)].map((match) => decodeEntities((match[2] ?? match[3])!).trim());
  return [...new Set(texts)].filter(Boolean);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('text separation', () => {
  const pages = indexedPages(example.outDir);

  it('the search index holds every record page, and no label runs into the value after it ("LicenceCreative")', () => {
    expect(pages.length).toBe([...example.site.catalog.records.values()].filter((record) => (publishedTypes as readonly string[]).includes(record.type)).length);
    const glued = pages.flatMap(({ url, content }) => {
      const html = readFileSync(join(example.outDir, url, 'index.html'), 'utf8');
      const labels = labelsOf(html);
      expect(labels.length, url).toBeGreaterThan(0);
      // A label followed by more of a word is glued, unless the page itself has that word ("Parameter", "Parameters").
      const words = new Set(decodeEntities(html.replace(/<[^>]*>/g, ' ')).split(/[^\p{L}\p{N}]+/u));
      return labels.flatMap((label) =>
        [...content.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escape(label)}[\\p{L}\\p{N}(][\\p{L}\\p{N}]*`, 'gu'))]
          .filter((match) => !words.has(match[0].split(/\s+/).pop()!))
          .map((match) => `${url}: "${match[0]}"`),
      );
    });
    expect(glued).toEqual([]);
    expect(pages.map((page) => page.content).join(' ')).not.toMatch(/CarberryiD|\w\(Example Vision Lab\)|LicenceCreative/);
  });

  it.skipIf(!hasChromium)('in Chromium, a name, its ORCID iD, role and affiliation, and a badge and its title read as separate words', async () => {
    const server = await serveStatic(example.outDir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}datasets/fashion-mnist-noisy-labels/`);
      const text = await page.locator('article').innerText();
      expect(text).toContain('Josiah Carberry iD (Example Vision Lab)');
      expect(text).toMatch(/Samira Lindqvist Data Collector \(Example Vision Lab\)/);
      expect(text).toMatch(/Dataset\s+Version 1\.0/i);
      expect(text).toMatch(/Licence\s+Creative Commons/i);
      await page.goto(`${server.url}datasets/`);
      await expect(page.locator('table.listing').innerText()).resolves.toMatch(/Fashion-MNIST Augmented Withdrawn/i);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
