/**
 * Astro's own floor for a site built the way Heliograph builds one: a bare
 * Astro project whose single dynamic route returns `size` trivial pages (a
 * title, a heading, a paragraph with a link) from getStaticPaths.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROUTE = `---
export function getStaticPaths() {
  return Array.from({ length: SIZE }, (_, i) => ({ params: { id: \`page-\${i}\` }, props: { i } }));
}
const { i } = Astro.props;
---
<html lang="en"><head><meta charset="utf-8"><title>Page {i}</title></head>
<body><h1>Page {i}</h1><p>A trivial page for the baseline build, next to <a href={\`/page-\${(i + 1) % SIZE}/\`}>the next one</a>.</p></body></html>
`;

export function writeBareSite(root: string, size: number): void {
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  writeFileSync(join(root, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  writeFileSync(join(root, 'src/pages/[id].astro'), ROUTE.replaceAll('SIZE', String(size)));
}
