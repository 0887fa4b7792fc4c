import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_MANIFEST, mapMarkdownRecords, markdownRecordEntries } from '../../src/editor/front-matter-help.ts';

let scratch: string;
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function project(): { root: string; catalog: string } {
  scratch = mkdtempSync(join(tmpdir(), 'heliograph-front-matter-'));
  const catalog = join(scratch, 'content');
  for (const folder of ['datasets', 'runs', 'people']) mkdirSync(join(catalog, folder), { recursive: true });
  // A skeleton that does not validate yet: Astro's own map leaves it out, the help must not.
  writeFileSync(join(catalog, 'datasets', 'new-data.md'), '---\ntitle: ""\n---\n');
  writeFileSync(join(catalog, 'runs', 'first-run.md'), '---\ntitle: Run\n---\n');
  writeFileSync(join(catalog, 'runs', 'first-run.metrics.csv'), 'step,loss\n');
  writeFileSync(join(catalog, 'people', 'ada.yaml'), 'name: Ada\n');
  return { root: scratch, catalog };
}

const key = (path: string) => pathToFileURL(path).href.toLowerCase();

describe('front matter help: files mapped to their collections', () => {
  it('maps every Markdown record by its folder, valid or not, and nothing else', () => {
    const { catalog } = project();
    expect(markdownRecordEntries(catalog)).toEqual({
      [key(join(catalog, 'datasets', 'new-data.md'))]: 'datasets',
      [key(join(catalog, 'runs', 'first-run.md'))]: 'runs',
    });
  });

  it("adds them to Astro's manifest, keeping what Astro wrote", () => {
    const { root, catalog } = project();
    const manifest = join(root, COLLECTION_MANIFEST);
    mkdirSync(join(root, '.astro', 'collections'), { recursive: true });
    writeFileSync(manifest, JSON.stringify({ collections: [{ name: 'datasets', hasSchema: true }], entries: { 'file:///elsewhere/x.md': 'datasets' } }));
    expect(mapMarkdownRecords(root, catalog)).toBe(true);
    const written = JSON.parse(readFileSync(manifest, 'utf8'));
    expect(written.collections).toEqual([{ name: 'datasets', hasSchema: true }]);
    expect(written.entries).toMatchObject({ 'file:///elsewhere/x.md': 'datasets', [key(join(catalog, 'datasets', 'new-data.md'))]: 'datasets' });
  });

  it('writes nothing where astro sync has not run', () => {
    const { root, catalog } = project();
    expect(mapMarkdownRecords(root, catalog)).toBe(false);
  });
});
