import { describe, expect, it } from 'vitest';
import { missingLandingPages } from '../../src/site/pages.ts';
import { landingPath } from '../../src/site/urls.ts';
import { loadSite } from '../../src/site/site.ts';

describe('the build’s completeness check', () => {
  const site = loadSite('test/fixtures/catalogs/minimal');
  const all = [...site.catalog.records.values()].map((record) => ({ pathname: landingPath(record.type, record.id).slice(1) }));

  it('passes a build with every landing page, under the site’s base path too', () => {
    expect(missingLandingPages(site, all)).toEqual([]);
    expect(missingLandingPages(site, all.map(({ pathname }) => ({ pathname: `lab/${pathname}` })))).toEqual([]);
  });

  it('names the records whose pages were not built', () => {
    expect(missingLandingPages(site, all.filter(({ pathname }) => !pathname.includes('demo-run')))).toEqual(['/runs/demo-run/']);
  });
});
