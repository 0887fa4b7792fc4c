/**
 * A result's excerpt, taken from the record's own text: its description and
 * body, never the title, creators or label-and-value parts before them. Built
 * from what Pagefind returns for a result (its text, the word positions that
 * matched and where each marked part of the page begins), with the matched
 * words marked.
 */
import { EXCERPT_PARTS, PART_PREFIX } from './fields.ts';

export interface Anchor {
  id: string;
  location: number;
}

type Range = [start: number, end: number];

/** Word ranges of the parts an excerpt may come from, in order of preference. */
export function excerptRanges(anchors: Anchor[], wordCount: number): Range[] {
  const parts = anchors.filter((anchor) => anchor.id.startsWith(PART_PREFIX));
  return EXCERPT_PARTS.flatMap((id) => {
    const start = parts.find((anchor) => anchor.id === id)?.location;
    if (start === undefined) return [];
    const end = Math.min(wordCount, ...parts.map((anchor) => anchor.location).filter((location) => location > start));
    return end > start ? [[start, end] as Range] : [];
  });
}

/** The window of `length` words in `range` that holds the most matches, a little context before the first. */
function bestWindow(range: Range, matches: number[], length: number): { window: Range; count: number } {
  const [start, end] = range;
  let best = { window: [start, Math.min(end, start + length)] as Range, count: 0 };
  for (const match of matches) {
    const from = Math.max(start, Math.min(match - Math.floor(length / 5), end - length));
    const window: Range = [from, Math.min(end, from + length)];
    const count = matches.filter((location) => location >= window[0] && location < window[1]).length;
    if (count > best.count) best = { window, count };
  }
  return best;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** HTML of the excerpt (text escaped, matches in <mark>), or '' when the record has no text of its own. */
export function excerptOf(content: string, locations: number[], anchors: Anchor[], length = 30): string {
  const words = content.split(/\s+/);
  const ranges = excerptRanges(anchors, words.length);
  if (!ranges.length) return '';
  const candidates = ranges.map((range) => bestWindow(range, locations.filter((location) => location >= range[0] && location < range[1]), length));
  const chosen = candidates.reduce((best, candidate, index) => (candidate.count > best.candidate.count ? { candidate, range: ranges[index]! } : best), { candidate: candidates[0]!, range: ranges[0]! });
  const [from, to] = chosen.candidate.window;
  const matched = new Set(locations);
  const text = words
    .slice(from, to)
    .map((word, index) => (matched.has(from + index) ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word)))
    .join(' ');
  return `${from > chosen.range[0] ? '… ' : ''}${text}${to < chosen.range[1] ? ' …' : ''}`;
}
