/**
 * A bare Astro project with `size` trivial Markdown pages: the baseline a
 * Heliograph build of the same number of records is compared with.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeBareSite(root: string, size: number): void {
  mkdirSync(join(root, 'src/pages/p'), { recursive: true });
  writeFileSync(join(root, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  for (let i = 0; i < size; i++) {
    writeFileSync(join(root, `src/pages/p/page-${i}.md`), `---\ntitle: Page ${i}\n---\n# Page ${i}\n\nA trivial page for the baseline build.\n`);
  }
}
