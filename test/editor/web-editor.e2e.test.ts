/**
 * A contributor without git: npm run edit on a scratch copy of a catalog, the
 * form in Chromium, and the files it writes checked as npm run check would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/catalog/check.ts';
import { splitRecordFile } from '../../src/catalog/record-file.ts';
import { hasChromium, launchChromium } from '../helpers/browser.ts';
import { minimalCatalog, scratchCatalog } from '../helpers/catalogs.ts';

const SCREENSHOTS = 'test-results/screenshots';
const RUN = readFileSync(join(minimalCatalog, 'runs/demo-run.yaml'), 'utf8');
const COMMENTED_RUN = `# yaml-language-server: $schema=../../public/schemas/run.schema.json\n# Written by hand.\n${RUN.replace('epochs: 3', 'epochs: 3 # a short run')}`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startEditor(catalog: string, port: number, proxyPort: number): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ['scripts/edit.ts', '--catalog', catalog, '--port', String(port), '--proxy-port', String(proxyPort)], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /open (http\S+)/.exec(output)?.[1];
      if (url) resolve({ url, process: child });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`npm run edit exited with ${code}: ${output}`)));
  });
}

async function waitForProxy(proxyPort: number): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const ready = await fetch(`http://127.0.0.1:${proxyPort}/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('decap-server did not start');
}

async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
}

const fieldsOf = (text: string, kind: 'markdown' | 'yaml') => parse(splitRecordFile(text, kind)!.yaml) as Record<string, unknown>;

if (!hasChromium) console.warn('Chromium not found at /usr/bin/chromium (apt-get install -y chromium): web editor tests skipped');

describe.skipIf(!hasChromium)('the web editor served by npm run edit', () => {
  const scratch = scratchCatalog(minimalCatalog, { 'runs/demo-run.yaml': COMMENTED_RUN });
  let editor: Awaited<ReturnType<typeof startEditor>>;
  let browser: Browser;
  let context: BrowserContext;
  const violations: string[] = [];

  /** A fresh page at a route of the editor, signed in to the local backend. */
  async function open(route: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${editor.url}#${route}`);
    // The first page signs in; the others find the user in local storage.
    const login = page.getByRole('button', { name: 'Login' });
    await login.or(page.getByLabel('Title', { exact: true })).first().waitFor();
    if (await login.isVisible()) await login.click();
    return page;
  }

  beforeAll(async () => {
    const proxyPort = await freePort();
    editor = await startEditor(scratch.root, await freePort(), proxyPort);
    await waitForProxy(proxyPort);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    editor?.process.kill();
    scratch.remove();
  });

  it('refuses a dataset whose required description is empty, then saves it with a creator from people and a file', async () => {
    const page = await open('/collections/datasets/new');
    await page.getByLabel('Title', { exact: true }).fill('Street signs of Lisbon');
    await page.getByLabel('Creators', { exact: true }).click();
    await page.keyboard.type('Ada');
    await page.getByText('Ada Example', { exact: true }).click();
    await page.getByRole('button', { name: /Add files/ }).click();
    await page.getByLabel('Name', { exact: true }).first().fill('signs.zip');
    await page.getByLabel('URL', { exact: true }).first().fill('https://data.example.org/signs.zip');
    await page.getByLabel('Media type', { exact: true }).fill('application/zip');
    await page.getByLabel('Size', { exact: true }).fill('52428800');
    await page.getByLabel('MD5 (optional)', { exact: true }).fill('0cc175b9c0f1b6a831c399e269772661');

    await publish(page);
    await expect(page.getByText(/description is required/i).isVisible()).resolves.toBe(true);
    expect(existsSync(join(scratch.root, 'datasets/street-signs-of-lisbon.md'))).toBe(false);

    await page.getByLabel('Description', { exact: true }).fill('Photographs of street signs in Lisbon, one per sign, with the name of the street as printed.');
    await page.screenshot({ path: `${SCREENSHOTS}/editor-new-dataset.png`, fullPage: true });
    await publish(page);
    const file = join(scratch.root, 'datasets/street-signs-of-lisbon.md');
    await expect.poll(() => existsSync(file), { timeout: 10_000 }).toBe(true);

    expect(fieldsOf(readFileSync(file, 'utf8'), 'markdown')).toEqual({
      title: 'Street signs of Lisbon',
      creators: ['ada'],
      description: 'Photographs of street signs in Lisbon, one per sign, with the name of the street as printed.',
      files: [{ name: 'signs.zip', url: 'https://data.example.org/signs.zip', mediaType: 'application/zip', size: 52428800, md5: '0cc175b9c0f1b6a831c399e269772661' }],
    });
    const errors = checkCatalog(scratch.root).problems.filter((problem) => problem.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('edits a record in place: comments, key order and the fields the form leaves out stay', async () => {
    const page = await open('/collections/runs-yaml/entries/demo-run');
    const title = page.getByLabel('Title', { exact: true });
    await expect.poll(() => title.inputValue(), { timeout: 10_000 }).toBe('Demo training run');
    await title.fill('Demo training run, first attempt');
    await publish(page);
    const file = join(scratch.root, 'runs/demo-run.yaml');
    await expect.poll(() => readFileSync(file, 'utf8'), { timeout: 10_000 }).not.toBe(COMMENTED_RUN);
    expect(readFileSync(file, 'utf8')).toBe(COMMENTED_RUN.replace('title: Demo training run', 'title: Demo training run, first attempt'));
  });

  it('loads under its own Content-Security-Policy without a violation', () => {
    expect(violations).toEqual([]);
  });
});
