import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import type { MetadataContext } from '../../src/metadata/context.ts';
import type { PublishedRecord } from '../../src/metadata/types.ts';
import { loadSite } from '../../src/site/site.ts';

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

export interface MetadataCatalog {
  context: MetadataContext;
  records: PublishedRecord[];
}

/** A catalog that checks without errors (else it throws with the problems), ready to serialize. */
export function metadataCatalog(folder: string): MetadataCatalog {
  const site = loadSite(folder);
  return { context: site.context, records: site.published };
}
