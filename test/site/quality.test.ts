import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.ts';
import { brokenLinks } from '../helpers/links.ts';
import { serveStatic } from '../../src/cli/static-server.ts';
import { checkHtml, hasJava } from '../helpers/vnu.ts';
import { builtSite } from './helpers.ts';

const example = builtSite('example');
const edge = builtSite('edge');

describe('the built site', () => {
  it('has no broken internal link, <link> target or export URL', () => {
    expect(brokenLinks(example.outDir, example.site.settings.url)).toEqual([]);
    expect(brokenLinks(edge.outDir, edge.site.settings.url)).toEqual([]);
  });

  it.skipIf(!hasJava())('is valid HTML for the W3C Nu checker', () => {
    expect(checkHtml(example.outDir)).toEqual([]);
    expect(checkHtml(edge.outDir)).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('accessibility (axe-core in Chromium)', () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const pages = ['', 'search/?q=resnet', 'projects/', 'projects/fashion-benchmark/', 'datasets/fashion-mnist/', 'models/resnet18-fashion/', 'runs/resnet18-sweep-lr-0-8/', 'people/josiah-carberry/', 'organizations/zalando-research/', 'datasets/fashion-mnist-augmented-v1/'];
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic(example.outDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const path of pages) {
    it(`finds no violation on /${path}`, async () => {
      // axe-core is injected as an inline script, which the pages' own policy rightly refuses.
      const page = await browser.newPage({ bypassCSP: true });
      await page.goto(`${server.url}${path}`);
      if (path.startsWith('search')) await page.waitForSelector('[data-search][data-state="done"] .search-result');
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
        return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      });
      await page.close();
      expect(violations).toEqual([]);
    });
  }
});
