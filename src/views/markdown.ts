/**
 * Renders record bodies. Bodies that cite get the unified pipeline with
 * rehype-citation over references.bib; the rest skip it, since citation
 * processing is the costliest step of the build (see README benchmarks).
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeCitation from 'rehype-citation';
import { citesAnything } from '../catalog/citations.ts';
import { BIBLIOGRAPHY_FILE } from '../catalog/load.ts';

type Processor = Awaited<ReturnType<typeof createMarkdownProcessor>>;
const processors = new Map<string, Promise<Processor>>();

function processorFor(catalogRoot: string | undefined): Promise<Processor> {
  const key = catalogRoot ?? '';
  let processor = processors.get(key);
  if (!processor) {
    processor = createMarkdownProcessor(
      catalogRoot
        ? { rehypePlugins: [[rehypeCitation, { bibliography: BIBLIOGRAPHY_FILE, path: catalogRoot, csl: 'apa', linkCitations: true }]] }
        : {},
    );
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
