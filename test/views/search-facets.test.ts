import { describe, expect, it } from 'vitest';
import type { PublishedRecord } from '../../src/metadata/types.ts';
import { loadSite } from '../../src/site/site.ts';
import { searchFacets } from '../../src/views/search-facets.ts';

describe('search filters of the new record types', () => {
  const site = loadSite('content');
  const filtersOf = (id: string) => searchFacets(site.catalog.records.get(id) as PublishedRecord, site).filters;

  it('finds software by its programming language and a workflow by its workflow language', () => {
    expect(filtersOf('fashion-mnist-benchmark')).toEqual(expect.arrayContaining([{ name: 'type', value: 'Software' }, { name: 'language', value: 'Python' }]));
    expect(filtersOf('fashion-benchmark-pipeline')).toEqual(expect.arrayContaining([{ name: 'language', value: 'DVC' }]));
  });

  it('finds an instrument by each of its types, and other records by neither', () => {
    expect(filtersOf('vision-lab-photo-rig')).toEqual(expect.arrayContaining([{ name: 'instrument', value: 'digital camera' }, { name: 'instrument', value: 'light box' }]));
    expect(filtersOf('fashion-mnist').map((filter) => filter.name)).not.toContain('language');
    expect(filtersOf('fashion-mnist').map((filter) => filter.name)).not.toContain('instrument');
  });
});
