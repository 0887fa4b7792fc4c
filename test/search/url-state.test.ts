import { describe, expect, it } from 'vitest';
import { pagefindFilters, readState, writeState } from '../../src/search/url-state.ts';

describe('search state in the URL', () => {
  it('reads query, filters (repeated values are alternatives) and order, and writes them back alike', () => {
    const params = new URLSearchParams('q=+resnet+&type=Model&type=Run&project=Compact+image+classifiers&sort=date');
    const state = readState(params);
    expect(state).toEqual({ query: 'resnet', filters: { type: ['Model', 'Run'], project: ['Compact image classifiers'] }, order: 'date' });
    expect(writeState(state).toString()).toBe('q=resnet&type=Model&type=Run&project=Compact+image+classifiers&sort=date');
    expect(pagefindFilters(state.filters)).toEqual({ type: { any: ['Model', 'Run'] }, project: { any: ['Compact image classifiers'] } });
  });

  it('ignores unknown parameters, empty and repeated values, and any order but date', () => {
    expect(readState(new URLSearchParams('utm_source=x&type=&type=Dataset&type=Dataset&sort=title'))).toEqual({ query: '', filters: { type: ['Dataset'] }, order: 'relevance' });
    expect(writeState({ query: '', filters: {}, order: 'relevance' }).toString()).toBe('');
  });
});
