/**
 * Astro content collections over the catalog. They use the same zod schemas
 * and the same loader as `check`, so Astro's types and editor support match
 * what the build validates.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { recordTypes, type RecordType } from './schema/index.ts';
import { typeFolders } from './catalog/urls.ts';
import { plan } from './views/site.ts';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

function catalogLoader(type: RecordType): Loader {
  return {
    name: `heliograph-${type}`,
    load: async ({ store, config }) => {
      store.clear();
      const root = fileURLToPath(config.root);
      // Records were validated with this collection's schema by the core loader; parsing again would only cost time.
      // The collection holds the records this build publishes (a shard's share, a preview's few), not a second copy of every one.
      for (const record of plan().records) {
        if (record.type !== type) continue;
        // Astro only takes paths inside the project; a catalog elsewhere (HELIOGRAPH_CONTENT) has none to give.
        const filePath = relative(root, record.path);
        store.set({ id: record.id, data: record.data as Record<string, unknown>, body: record.body, filePath: filePath.startsWith('..') ? undefined : filePath });
      }
    },
  };
}

export const collections = Object.fromEntries(
  (Object.keys(recordTypes) as RecordType[]).map((type) => [
    typeFolders[type],
    defineCollection({ loader: catalogLoader(type), schema: recordTypes[type].schema }),
  ]),
);
