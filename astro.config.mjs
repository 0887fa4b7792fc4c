// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import heliograph from './src/integration/index.ts';

// `site` and `base` come from `url` in the catalog's catalog.yaml (set by the integration).
export default defineConfig({
  integrations: [heliograph(), mdx()],
  build: { format: 'directory' },
});
