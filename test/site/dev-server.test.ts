import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const port = 43000 + Math.floor(Math.random() * 2000);
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess;

beforeAll(async () => {
  server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    // As a user starts it: vitest's NODE_ENV=test and VITEST* variables change how Astro runs.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST'))), NODE_ENV: 'development', HELIOGRAPH_CONTENT: 'content' },
    stdio: 'pipe',
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start within 60 s:\n${output}`)), 60_000);
    let output = '';
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (/watching for file changes/i.test(output.replace(/\x1b\[[0-9;]*m/g, ''))) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout!.on('data', listen);
    server.stderr!.on('data', listen);
  });
}, 90_000);

afterAll(() => {
  server?.kill();
});

describe('astro dev', () => {
  it('serves the exports and site files from the same table as the build', async () => {
    const xml = await fetch(`${base}/datasets/fashion-mnist/datacite.xml`);
    expect(xml.status).toBe(200);
    expect(xml.headers.get('content-type')).toContain('application/vnd.datacite.datacite+xml');
    expect(await xml.text()).toContain('<title xml:lang="en">Fashion-MNIST</title>');
    const croissant = await fetch(`${base}/datasets/fashion-mnist/croissant.json`);
    expect((await croissant.json()).conformsTo).toBe('http://mlcommons.org/croissant/1.1');
    expect((await fetch(`${base}/sitemap.xml`)).status).toBe(200);
    expect(await (await fetch(`${base}/models/lenet5-fashion/`)).text()).toContain('http-equiv="refresh"');
    const kept = await fetch(`${base}/datasets/iris/iris.csv`);
    expect(kept.headers.get('content-type')).toBe('text/csv');
    expect(Buffer.from(await kept.arrayBuffer())).toEqual(readFileSync('content/datasets/iris/iris.csv'));
  }, 60_000);

  it('renders landing pages once the content layer has synced', async () => {
    let page = await fetch(`${base}/runs/lenet-baseline/`);
    for (let attempt = 0; page.status === 404 && attempt < 30; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      page = await fetch(`${base}/runs/lenet-baseline/`);
    }
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<link rel="cite-as"');
  }, 60_000);
});
