import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.ts';
import { serveStatic } from '../../src/cli/static-server.ts';
import { builtSite } from './helpers.ts';

const SCREENSHOTS = 'test-results/screenshots';
if (!hasChromium) console.warn('Chromium not found at /usr/bin/chromium (apt-get install -y chromium): browser tests skipped');

describe.skipIf(!hasChromium)('a reader in Chromium', () => {
  const example = builtSite('example');
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let page: Page;
  // Chromium logs each script, style or handler the Content-Security-Policy blocked.
  const violations: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(example.outDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs no inline script under the pages\' Content-Security-Policy, and says so', async () => {
    await page.goto(`${server.url}datasets/fashion-mnist/`);
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "yes"';
      document.body.append(script);
      const image = document.createElement('img');
      image.setAttribute('onerror', 'document.body.dataset.handler = "yes"');
      image.src = 'missing.png';
      document.body.append(image);
      return new Promise<DOMStringMap>((done) => setTimeout(() => done({ ...document.body.dataset }), 200));
    });
    expect(ran).toEqual({});
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
    violations.length = 0;
  });

  it('sees a dataset page: title, citation, files and provenance', async () => {
    await page.goto(`${server.url}datasets/fashion-mnist/`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Fashion-MNIST');
    const citation = await page.locator('#citation-preferred').innerText();
    expect(citation).toContain('Xiao, H., Rasul, K., & Vollgraf, R. (2017)');
    const fileLinks = page.locator('table.files a');
    await expect(fileLinks.count()).resolves.toBe(4);
    await expect(page.locator('table.files').innerText()).resolves.toContain('8d4fb7e6c68d591d4c3dfef9ec88bf0d');
    const related = page.locator('section:has(#related-heading)');
    await expect(related.getByRole('link', { name: 'Fashion-MNIST Augmented', exact: true }).count()).resolves.toBe(1);
    await expect(page.locator('button.copy').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/dataset.png`, fullPage: true });
  });

  it('sees a run page and follows its provenance to the model it generated', async () => {
    await page.goto(`${server.url}runs/resnet18-sweep-lr-0-1/`);
    await expect(page.locator('h1').innerText()).resolves.toContain('ResNet-18 sweep');
    await expect(page.locator('#parameters-heading').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: /@ 41d92873bc/ }).getAttribute('href')).resolves.toMatch(/\/commit\/41d92873bc/);
    await page.screenshot({ path: `${SCREENSHOTS}/run.png`, fullPage: true });
    await page.locator('section:has(#related-heading)').getByRole('link', { name: 'ResNet-18 for Fashion-MNIST', exact: true }).click();
    await page.waitForURL(/\/models\/resnet18-fashion\/$/);
    await expect(page.locator('h1').innerText()).resolves.toBe('ResNet-18 for Fashion-MNIST');
    await page.screenshot({ path: `${SCREENSHOTS}/model.png`, fullPage: true });
  });

  it('follows a node of the provenance graph to its record', async () => {
    await page.goto(`${server.url}models/resnet18-fashion/`);
    await page.locator('svg.provenance-graph a.node-dataset').filter({ hasText: 'Fashion-MNIST' }).first().click();
    await page.waitForURL(/\/datasets\/fashion-mnist[a-z0-9-]*\/$/);
    await expect(page.locator('.badge-dataset').first().isVisible()).resolves.toBe(true);
  });

  it('sorts a listing by a column with one click, newest first without JavaScript', async () => {
    await page.goto(`${server.url}datasets/`);
    const firstTitles = async () => page.locator('table.listing tbody tr td:first-child a').allInnerTexts();
    const before = await firstTitles();
    await page.locator('table.listing thead th', { hasText: 'Title' }).locator('button').click();
    const after = await firstTitles();
    expect(after).toEqual([...before].sort(new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare));
    await expect(page.locator('table.listing thead th[aria-sort="ascending"]').count()).resolves.toBe(1);
  });

  it('sees the project and the home page', async () => {
    await page.goto(`${server.url}projects/fashion-benchmark/`);
    await page.screenshot({ path: `${SCREENSHOTS}/project.png`, fullPage: true });
    await page.goto(server.url);
    await expect(page.locator('.counts').innerText()).resolves.toMatch(/6\s+Datasets/);
  });

  it('scrolls wide tables inside their box: no page is wider than the window, on a desktop or a phone', async () => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of ['projects/fashion-benchmark/', 'runs/resnet18-sweep/', 'runs/', 'datasets/fashion-mnist/', 'workflows/fashion-benchmark-pipeline/']) {
        await page.goto(`${server.url}${path}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${width} px`).toBeLessThanOrEqual(width);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('copies a citation with the copy button, and no page visited logged a CSP violation', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${server.url}datasets/fashion-mnist/`);
    const button = page.locator('button.copy').first();
    await button.click();
    await expect.poll(() => button.innerText()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Xiao, H.');
    expect(violations).toEqual([]);
  });
});
