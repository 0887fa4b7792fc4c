import { describe, expect, it } from 'vitest';
import type { PublishedRecord } from '../../src/metadata/types.ts';
import { loadSite } from '../../src/site/site.ts';
import { searchFacets, uncountedFacetValues } from '../../src/views/search-facets.ts';

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

describe('filter values listed without counts on a large catalog', () => {
  const site = loadSite('content');

  it('are left to Pagefind to count on a catalog of up to 20,000 records', () => {
    expect(uncountedFacetValues(site)).toBeUndefined();
  });

  it('are every value of every offered filter, once, above the limit', () => {
    const values = uncountedFacetValues(site, 0)!;
    expect(values.type).toEqual(expect.arrayContaining(['Project', 'Dataset', 'Model', 'Run', 'Software', 'Workflow', 'Instrument']));
    expect(values.type).toHaveLength(7);
    expect(values.language).toEqual(expect.arrayContaining(['Python', 'DVC']));
    expect(values.status).toContain('withdrawn');
    // The record type as in the schema is read by the page, not offered.
    expect(Object.keys(values)).not.toContain('record');
  });
});
