/**
 * Sanitizing prefixes every id in a body with "user-content-", so that a body
 * cannot take over the ids the page's own scripts look up (DOM clobbering).
 * GitHub fixes in-page links with a script; a static page fixes the links:
 * "#fn-1" points at "user-content-fn-1" when that is what the body holds.
 */
import type { Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';

export const ID_PREFIX = 'user-content-';

export default function rehypeFragmentLinks() {
  return (tree: Root) => {
    const ids = new Set<string>();
    visitParents(tree, 'element', (element) => {
      if (typeof element.properties.id === 'string') ids.add(element.properties.id);
    });
    visitParents(tree, 'element', (element) => {
      const href = element.properties.href;
      if (element.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      const target = `${ID_PREFIX}${href.slice(1)}`;
      if (!ids.has(href.slice(1)) && ids.has(target)) element.properties.href = `#${target}`;
    });
  };
}
