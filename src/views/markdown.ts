/**
 * Renders record bodies. Bodies that cite get the unified pipeline with
 * rehype-citation over the catalog's bibliography; the rest skip it, since
 * citation processing is the costliest step of a body (see README benchmarks).
 *
 * Bodies come from anyone who opens a pull request and from importers, so
 * the HTML is sanitized with the body allowlist after raw HTML is parsed and
 * citations are formatted (references.bib is contributed text too), and only
 * then highlighted: Shiki's own inline colours are the one `style` a page keeps.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMarkdownProcessor, markdownConfigDefaults, rehypeShiki, syntaxHighlightDefaults, type RehypePlugins } from '@astrojs/markdown-remark';
import rehypeCitation from 'rehype-citation';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { citesAnything } from '../catalog/citations.ts';
import { bodyAllowlist } from '../markdown/allowlist.ts';
import rehypeFragmentLinks from '../markdown/fragment-links.ts';
import { bibliographyEntries } from '../metadata/csl/bibliography.ts';

/** Astro's Shiki step, with Astro's defaults, run after sanitizing instead of before. */
function highlightCode(this: ThisParameterType<typeof rehypeShiki>) {
  return rehypeShiki.call(this, markdownConfigDefaults.shikiConfig, syntaxHighlightDefaults.excludeLangs);
}

type Processor = Awaited<ReturnType<typeof createMarkdownProcessor>>;
const processors = new Map<string, Promise<Processor>>();

/**
 * rehype-citation reads and parses its bibliography file for every body it
 * renders; BibTeX parsing is half of that cost, so it gets the bibliography
 * as CSL-JSON, converted once per bibliography text.
 */
function cslJsonBibliography(bibtex: string): { path: string; file: string } {
  const digest = createHash('sha256').update(bibtex).digest('hex').slice(0, 16);
  const path = join(tmpdir(), 'heliograph-bibliography', digest);
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'references.json'), JSON.stringify([...bibliographyEntries(bibtex).values()]));
  return { path, file: 'references.json' };
}

function processorFor(bibliography: string | undefined): Promise<Processor> {
  const key = bibliography ?? '';
  let processor = processors.get(key);
  if (!processor) {
    const csl = bibliography === undefined ? undefined : cslJsonBibliography(bibliography);
    const citations: RehypePlugins = csl ? [[rehypeCitation, { bibliography: csl.file, path: csl.path, csl: 'apa', linkCitations: true }]] : [];
    processor = createMarkdownProcessor({
      syntaxHighlight: false,
      // Ids get their prefix from the sanitizer, once, footnotes' included.
      remarkRehype: { clobberPrefix: '' },
      rehypePlugins: [rehypeRaw, ...citations, [rehypeSanitize, bodyAllowlist], rehypeFragmentLinks, highlightCode],
    });
    processors.set(key, processor);
  }
  return processor;
}

/** Rendered bodies by text: records copied from one template, or sharing a standard text, render once. */
const rendered = new Map<string, Promise<string>>();
const MAX_RENDERED = 5000;

export function renderBody(body: string, catalog: { bibliography?: string }): Promise<string> {
  if (!body.trim()) return Promise.resolve('');
  const bibliography = catalog.bibliography !== undefined && citesAnything(body) ? catalog.bibliography : undefined;
  const key = `${bibliography === undefined ? '' : createHash('sha256').update(bibliography).digest('hex')}\0${body}`;
  let html = rendered.get(key);
  if (!html) {
    html = processorFor(bibliography).then(async (processor) => (await processor.render(body)).code);
    if (rendered.size >= MAX_RENDERED) rendered.clear();
    rendered.set(key, html);
  }
  return html;
}
