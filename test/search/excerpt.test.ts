import { describe, expect, it } from 'vitest';
import { excerptOf, excerptRanges } from '../../src/search/excerpt.ts';
import { SEARCH_PARTS } from '../../src/search/fields.ts';

// Words:    0        1    2         3        4   5         6      7        8   9    10    11    12
const content = 'Fashion-MNIST fashion-mnist Creators. Han Xiao. A dataset of Zalando images. Task classification. Made by <Zalando> & friends.';
const anchors = [
  { id: SEARCH_PARTS.description, location: 5 },
  { id: SEARCH_PARTS.facts, location: 10 },
  { id: SEARCH_PARTS.body, location: 12 },
  { id: 'a-heading-in-the-body', location: 14 },
];

describe('excerptOf', () => {
  it('takes the description and the body, up to the next part', () => {
    expect(excerptRanges(anchors, 17)).toEqual([[5, 10], [12, 17]]);
  });

  it('marks the matched words of the part that holds most of them', () => {
    expect(excerptOf(content, [8, 14], anchors)).toBe('A dataset of <mark>Zalando</mark> images.');
    expect(excerptOf(content, [14, 15, 8], anchors)).toBe('Made by <mark>&#60;Zalando&#62;</mark> <mark>&#38;</mark> friends.');
  });

  it('never shows the title, creators or facts: a match only there shows the description unmarked', () => {
    expect(excerptOf(content, [0, 1, 3, 10], anchors)).toBe('A dataset of Zalando images.');
  });

  it('shortens long parts around the matches with ellipses', () => {
    const long = Array.from({ length: 100 }, (_, index) => `w${index}`).join(' ');
    const html = excerptOf(long, [60], [{ id: SEARCH_PARTS.description, location: 0 }], 10);
    expect(html).toBe('… w58 w59 <mark>w60</mark> w61 w62 w63 w64 w65 w66 w67 …');
  });

  it('is empty for a record without description or body', () => {
    expect(excerptOf(content, [0], [{ id: SEARCH_PARTS.facts, location: 10 }])).toBe('');
  });
});
