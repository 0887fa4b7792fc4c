import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Browser } from 'playwright-core';
import { visitParents } from 'unist-util-visit-parents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.ts';
import { serveStatic } from '../../src/cli/static-server.ts';
import { builtSite, jsonLdBlocks } from './helpers.ts';

// test/fixtures/catalogs/hostile: bodies (and a model card, a bibliography entry, a title) written to attack the page.
const hostile = builtSite('hostile');
const base = new URL(hostile.site.settings.url).pathname;
const pages = readdirSync(hostile.outDir, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html'));

const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'srcDoc', 'data', 'poster', 'background', 'cite', 'srcSet'];
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'template', 'textarea', 'video', 'audio', 'style']);

/** Everything on a page that could run, load or overlay something the site did not write. */
function hostileParts(html: string): string[] {
  const found: string[] = [];
  visitParents(fromHtml(html), 'element', (element: Element, ancestors) => {
    const { tagName, properties } = element;
    const inBody = ancestors.some((node) => node.type === 'element' && (node.properties.className as string[] | undefined)?.includes('prose'));
    // Shiki colours highlighted code with style attributes, on the <pre> and inside it.
    const inCode = [...ancestors, element].some((node) => node.type === 'element' && node.tagName === 'pre' && (node.properties.className as string[] | undefined)?.includes('astro-code'));
    if (tagName === 'script') {
      const safe = properties.type === 'application/ld+json' || new RegExp(`^${base}(_astro|pagefind)/[\\w.-]+\\.js$`).test(String(properties.src));
      if (!safe) found.push(`<script ${JSON.stringify(properties)}>`);
    }
    if (FORBIDDEN_ELEMENTS.has(tagName)) found.push(`<${tagName}>`);
    if (tagName === 'meta' && String(properties.httpEquiv).toLowerCase() === 'refresh') found.push('<meta http-equiv=refresh>');
    if (tagName === 'form' && properties.action !== `${base}search/`) found.push(`<form action=${String(properties.action)}>`);
    if (tagName === 'link' && String(properties.rel).includes('stylesheet') && !String(properties.href).startsWith(base)) found.push(`<link href=${String(properties.href)}>`);
    for (const [property, value] of Object.entries(properties)) {
      if (/^on/i.test(property)) found.push(`${tagName} ${property}`);
      if (URL_PROPERTIES.includes(property) && /^\s*(javascript|data|vbscript):/i.test(String(value))) found.push(`${tagName} ${property}=${String(value)}`);
    }
    if (inBody && properties.style !== undefined && !inCode) found.push(`${tagName} style=${String(properties.style)}`);
    if (inBody && ['svg', 'form', 'input', 'button', 'link', 'meta', 'noscript'].includes(tagName) && !(tagName === 'input' && properties.type === 'checkbox')) found.push(`<${tagName}> in the body`);
  });
  return found;
}

describe('the site built from a hostile catalog', () => {
  it('builds every page, and none carries anything that runs, loads or overlays', () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expect(hostileParts(readFileSync(join(hostile.outDir, page), 'utf8')), page).toEqual([]);
  });

  it('keeps the prose, the table, the footnote, the citation and the code of the hostile bodies', () => {
    const dataset = hostile.page({ type: 'dataset', id: 'demo-data' });
    expect(dataset).toContain('An overlay over the whole page.');
    expect(dataset).toMatch(/href="#user-content-fn-note"/);
    expect(dataset).toMatch(/class="csl-entry" id="user-content-bib-hostile2024"/);
    const model = hostile.page({ type: 'model', id: 'demo-model' });
    expect(model).toMatch(/<td>0.5<\/td>|<td><span>0.5<\/span><\/td>/);
    expect(model).toContain('this one is code and stays as text');
  });

  it('lets no body take the ids the page\'s own scripts and links use', () => {
    const dataset = hostile.page({ type: 'dataset', id: 'demo-data' });
    for (const id of ['citation-preferred', 'site-search', 'main']) expect(dataset.match(new RegExp(` id="${id}"`, 'g')), id).toHaveLength(1);
    expect(dataset).toContain('id="user-content-citation-preferred"');
  });

  it('keeps a hostile title as text, and as data in the JSON-LD', () => {
    const dataset = hostile.page({ type: 'dataset', id: 'demo-data' });
    const [block] = jsonLdBlocks(dataset);
    expect(JSON.parse(block!)).toMatchObject({ name: expect.stringContaining("</script><script>alert('title')</script>") });
    expect(dataset).toMatch(/<h1[^>]*>Demo data &lt;\/script&gt;&lt;script&gt;alert\(&#39;title&#39;\)&lt;\/script&gt;/);
  });
});

describe.skipIf(!hasChromium)('the hostile pages in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic(hostile.outDir, base);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const path of ['datasets/demo-data/', 'models/demo-model/']) {
    it(`runs none of the payloads on /${path}, and the policy had nothing to refuse`, async () => {
      const page = await browser.newPage();
      const events: string[] = [];
      page.on('dialog', (dialog) => {
        events.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) events.push(message.text());
      });
      const outside: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(server.url.replace(base, '/'))) outside.push(request.url());
      });
      await page.goto(`${server.url}${path}`);
      for (const target of (await page.locator('.prose p, .prose span, .prose details, .prose a').all()).slice(0, 20)) await target.hover({ trial: false, timeout: 1000 }).catch(() => undefined);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
      expect(events).toEqual([]);
      // Images from https hosts are allowed in bodies; nothing else leaves the site.
      expect(outside.filter((url) => !url.startsWith('https://img.example/'))).toEqual([]);
      await page.close();
    });
  }
});
