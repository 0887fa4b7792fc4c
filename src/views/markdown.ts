/**
 * Renders record bodies. Bodies that cite get the unified pipeline with
 * rehype-citation over references.bib; the rest skip it, since citation
 * processing is the costliest step of the build (see README benchmarks).
 *
 * Bodies come from anyone who opens a pull request and from importers, so
 * the HTML is sanitized with the body allowlist after raw HTML is parsed and
 * citations are formatted (references.bib is contributed text too), and only
 * then highlighted: Shiki's own inline colours are the one `style` a page keeps.
 */
import { createMarkdownProcessor, markdownConfigDefaults, rehypeShiki, syntaxHighlightDefaults, type RehypePlugins } from '@astrojs/markdown-remark';
import rehypeCitation from 'rehype-citation';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { citesAnything } from '../catalog/citations.ts';
import { BIBLIOGRAPHY_FILE } from '../catalog/load.ts';
import { bodyAllowlist } from '../markdown/allowlist.ts';
import rehypeFragmentLinks from '../markdown/fragment-links.ts';

/** Astro's Shiki step, with Astro's defaults, run after sanitizing instead of before. */
function highlightCode(this: ThisParameterType<typeof rehypeShiki>) {
  return rehypeShiki.call(this, markdownConfigDefaults.shikiConfig, syntaxHighlightDefaults.excludeLangs);
}

type Processor = Awaited<ReturnType<typeof createMarkdownProcessor>>;
const processors = new Map<string, Promise<Processor>>();

function processorFor(catalogRoot: string | undefined): Promise<Processor> {
  const key = catalogRoot ?? '';
  let processor = processors.get(key);
  if (!processor) {
    const citations: RehypePlugins = catalogRoot ? [[rehypeCitation, { bibliography: BIBLIOGRAPHY_FILE, path: catalogRoot, csl: 'apa', linkCitations: true }]] : [];
    processor = createMarkdownProcessor({
      syntaxHighlight: false,
      // Ids get their prefix from the sanitizer, once, footnotes' included.
      remarkRehype: { clobberPrefix: '' },
      rehypePlugins: [
        rehypeRaw,
        ...citations,
        [rehypeSanitize, bodyAllowlist],
        rehypeFragmentLinks,
        highlightCode,
      ],
    });
    processors.set(key, processor);
  }
  return processor;
}

export async function renderBody(body: string, catalog: { root: string; bibliography?: string }): Promise<string> {
  if (!body.trim()) return '';
  const cites = catalog.bibliography !== undefined && citesAnything(body);
  const { code } = await (await processorFor(cites ? catalog.root : undefined)).render(body);
  return code;
}
