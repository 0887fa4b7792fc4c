import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertLandingPages, missingLandingPages } from '../../src/pipeline/landing-pages.ts';
import { landingPath } from '../../src/catalog/urls.ts';
import { loadSite } from '../../src/site/site.ts';

describe('the build’s completeness check', () => {
  const site = loadSite('test/fixtures/catalogs/minimal');
  const records = [...site.catalog.records.values()];
  const outDir = mkdtempSync(join(tmpdir(), 'heliograph-pages-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));
  for (const record of records.filter((record) => record.id !== 'demo-run')) {
    mkdirSync(join(outDir, landingPath(record.type, record.id)), { recursive: true });
    writeFileSync(join(outDir, landingPath(record.type, record.id), 'index.html'), '<!doctype html>');
  }

  it('names the records whose pages were not built', () => {
    expect(missingLandingPages(records, outDir)).toEqual(['/runs/demo-run/']);
    expect(() => assertLandingPages(records, outDir)).toThrow(/no landing page was built for 1 records, e\.g\. \/runs\/demo-run\//);
  });

  it('passes when every page is there', () => {
    expect(missingLandingPages(records.filter((record) => record.id !== 'demo-run'), outDir)).toEqual([]);
  });
});
