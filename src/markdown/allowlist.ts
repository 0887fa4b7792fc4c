/**
 * What HTML a record body may carry: GitHub's Markdown allowlist, as
 * hast-util-sanitize implements it, extended with what record bodies need and
 * nothing that runs or restyles the page. Scripts, iframes, forms, `style`,
 * event-handler attributes and javascript:/data: URLs stay out; <script> and
 * <style> are dropped with their content, other unknown elements are unwrapped.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { ID_PREFIX } from './fragment-links.ts';

/** Presentation MathML, for formulas written (or converted) as MathML. */
const mathElements = [
  'math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup',
  'mfrac', 'msqrt', 'mroot', 'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mstyle', 'mpadded', 'mphantom', 'menclose',
];

const mathAttributes: Schema['attributes'] = {
  math: ['display'],
  annotation: ['encoding'],
  mi: ['mathvariant'],
  mo: ['stretchy', 'fence', 'separator', 'lspace', 'rspace', 'form'],
  mfrac: ['linethickness'],
  mspace: ['width', 'height', 'depth'],
  mstyle: ['displaystyle', 'scriptlevel'],
  menclose: ['notation'],
  mtd: ['columnspan', 'rowspan'],
};

export const bodyAllowlist: Schema = {
  ...defaultSchema,
  tagNames: [...defaultSchema.tagNames!, 'caption', 'figure', 'figcaption', 'mark', ...mathElements],
  attributes: {
    ...defaultSchema.attributes,
    ...mathAttributes,
    // rehype-citation: the bibliography (div.references.csl-bib-body > div.csl-entry) and its numeric-style parts.
    div: [...defaultSchema.attributes!['div']!, ['className', 'references', /^csl-/]],
    span: [['className', /^csl-/]],
  },
  clobberPrefix: ID_PREFIX,
  // Their text is code or markup, never prose: drop it with the element rather than show it.
  strip: ['script', 'style', 'iframe', 'template', 'textarea', 'title', 'noscript', 'xmp', 'noembed', 'noframes'],
};
