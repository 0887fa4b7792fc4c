import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';

export const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const minimalCatalog = join(fixtures, 'catalogs', 'minimal');

/** A scratch copy of a fixture catalog, with extra files laid over it. */
export function scratchCatalog(base: string = minimalCatalog, overlay: Record<string, string | Buffer> = {}): { root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'heliograph-'));
  cpSync(base, root, { recursive: true });
  for (const [path, content] of Object.entries(overlay)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
