/**
 * What sanitizing will take out of a body, located, so `check` can tell the
 * author before a page is built. The body is parsed as the build parses it
 * (GFM, raw HTML), every element is tagged, the tree is sanitized with the
 * same allowlist, and whatever did not come through is reported: the library
 * decides, this module only compares.
 */
import type { Element, Nodes, Properties } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { bodyAllowlist } from './allowlist.ts';

export interface HtmlRemoval {
  /** 1-based line and column within the body. */
  line: number;
  column: number;
  message: string;
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);

/**
 * Where a link or image target, or a reference definition's URL, starts: `](`
 * or `]:`, then the spaces CommonMark allows before the destination.
 */
const LINK_TARGET = /\]\s*[(:]\s*/g;
/** A URL's scheme, as the sanitizer reads it: what precedes a colon that comes before any `/ ? #`. */
const SCHEME = /([^\s:/?#()]*):/y;
/** Schemes every URL attribute keeps (href, src, cite alike), so a target with one needs no parse. */
const [someSchemes = [], ...otherSchemes] = Object.values(bodyAllowlist.protocols ?? {}).map((schemes) => schemes ?? []);
const KEPT_SCHEMES = new Set(someSchemes.filter((scheme) => otherSchemes.every((schemes) => schemes.includes(scheme))));

/**
 * Only raw HTML or a link target with a scheme can hold anything the allowlist
 * removes. Without `<`, and without `&` or `\` (an entity or escape could spell
 * a scheme), a target's scheme is read from the text as written.
 */
function mayHoldUnsafe(body: string): boolean {
  if (/[<&\\]/.test(body)) return true;
  for (const target of body.matchAll(LINK_TARGET)) {
    SCHEME.lastIndex = target.index + target[0].length;
    const scheme = SCHEME.exec(body)?.[1];
    if (scheme !== undefined && !KEPT_SCHEMES.has(scheme.toLowerCase())) return true;
  }
  return false;
}

const TAG = 'dataHeliographNode';
const tagging: Schema = {
  ...bodyAllowlist,
  attributes: { ...bodyAllowlist.attributes, '*': [...(bodyAllowlist.attributes?.['*'] ?? []), TAG] },
};

const shown = (value: unknown) => {
  const text = String(Array.isArray(value) ? value.join(' ') : value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

function allows(tagName: string, property: string): boolean {
  const definitions = [...(bodyAllowlist.attributes?.[tagName] ?? []), ...(bodyAllowlist.attributes?.['*'] ?? [])];
  return definitions.some((definition) => (typeof definition === 'string' ? definition : definition[0]) === property);
}

function attributeRemovals(tagName: string, before: Properties, after: Properties): string[] {
  const messages: string[] = [];
  for (const [property, value] of Object.entries(before)) {
    if (property === TAG || value === undefined || value === null || value === false) continue;
    const attribute = find(html, property).attribute;
    if (after[property] === undefined) {
      messages.push(
        bodyAllowlist.protocols?.[property] && allows(tagName, property)
          ? `the URL "${shown(value)}" of <${tagName}> will be removed: only ${bodyAllowlist.protocols[property]!.join(', ')} and relative URLs are kept`
          : `the ${attribute} attribute of <${tagName}> will be removed`,
      );
    } else if (property === 'className' && Array.isArray(value)) {
      const kept = new Set((after[property] as string[] | undefined) ?? []);
      const dropped = value.filter((name) => !kept.has(String(name)));
      if (dropped.length) messages.push(`class "${dropped.join(' ')}" of <${tagName}> will be removed`);
    }
  }
  return messages;
}

/** Removals by body text: records copied from one template parse once (bounded, for catalogs of unique bodies). */
const removalsByBody = new Map<string, HtmlRemoval[]>();
const MAX_REMEMBERED = 5000;

/** Everything in `body` that the page will not carry, in document order. */
export function htmlRemovals(body: string): HtmlRemoval[] {
  if (!mayHoldUnsafe(body)) return [];
  let removals = removalsByBody.get(body);
  if (!removals) {
    removals = findRemovals(body);
    if (removalsByBody.size >= MAX_REMEMBERED) removalsByBody.clear();
    removalsByBody.set(body, removals);
  }
  return removals;
}

function findRemovals(body: string): HtmlRemoval[] {
  const tree = parser.runSync(parser.parse(body)) as Nodes;
  const elements: Element[] = [];
  visitParents(tree, 'element', (element) => {
    element.properties[TAG] = String(elements.length);
    elements.push(element);
  });
  const kept = new Map<string, Element>();
  visitParents(sanitize(tree, tagging), 'element', (element) => {
    kept.set(String(element.properties[TAG]), element);
  });
  const strip = new Set(bodyAllowlist.strip ?? []);
  const removals: HtmlRemoval[] = [];
  visitParents(tree, 'element', (element, ancestors) => {
    const at = { line: element.position?.start.line ?? 1, column: element.position?.start.column ?? 1 };
    const survivor = kept.get(String(element.properties[TAG]));
    if (survivor) {
      for (const message of attributeRemovals(element.tagName, element.properties, survivor.properties)) removals.push({ ...at, message });
      return;
    }
    // Inside a dropped <script> or <style>, the one report of the element says it all.
    if (ancestors.some((ancestor) => ancestor.type === 'element' && strip.has(ancestor.tagName))) return;
    removals.push({
      ...at,
      message: strip.has(element.tagName)
        ? `<${element.tagName}> will be removed with its content`
        : `<${element.tagName}> will be removed${element.children.length ? ', its text kept' : ''}`,
    });
  });
  return removals;
}
