// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import heliograph from './src/integration/index.ts';

// `site` and `base` come from `url` in the catalog's catalog.yaml (set by the integration).
export default defineConfig({
  integrations: [heliograph(), mdx()],
  build: { format: 'directory' },
  // Writes each collection's JSON Schema (from the zod schemas) and a map of record files to
  // collections into .astro/collections/, where the Astro language server finds them: completion,
  // hover and validation of Markdown front matter in VS Code (with astro.content-intellisense).
  experimental: { contentIntellisense: true },
});
