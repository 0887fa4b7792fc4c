/**
 * The Astro integration: validates the catalog before anything is built,
 * points Astro's `site` and `base` at the catalog URL, writes every export file
 * after the pages, and serves the same files from the dev server.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { catalogFolder } from '../cli/catalog-folder.ts';
import { formatCitationsInBackground } from '../site/citations.ts';
import { findSiteFile, writeSiteFiles } from '../site/files.ts';
import { writeSearchIndex } from '../site/search-index.ts';
import { missingLandingPages } from '../site/pages.ts';
import { CatalogInvalidError, getSite, invalidateSite } from '../site/site.ts';

export default function heliograph(): AstroIntegration {
  const folder = resolve(catalogFolder());
  return {
    name: 'heliograph',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (command === 'preview') return;
        try {
          const site = getSite(folder);
          const { settings } = site;
          // This module may run from a bundled copy of the config, so the worker is found from the project root.
          if (command === 'build') formatCitationsInBackground(site, fileURLToPath(new URL('src/site/citation-worker.ts', config.root)));
          const url = new URL(settings.url);
          updateConfig({
            site: url.origin,
            base: url.pathname,
            trailingSlash: 'always',
            // The pages' Content-Security-Policy runs scripts and style sheets only from files:
            // Astro would otherwise inline the small ones into every page.
            build: { inlineStylesheets: 'never' },
            vite: { build: { assetsInlineLimit: (file: string) => (/\.(js|css)$/.test(file) ? false : undefined) } },
          });
        } catch (error) {
          if (error instanceof CatalogInvalidError) logger.error(error.report);
          throw error;
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.add(folder);
        server.watcher.on('all', (_event, path) => {
          if (path.startsWith(folder)) invalidateSite();
        });
        server.middlewares.use((request, response, next) => {
          const base = new URL(getSite(folder).settings.url).pathname.replace(/\/$/, '');
          const path = decodeURIComponent((request.url ?? '').split('?')[0]!);
          if (!path.startsWith(base)) return next();
          try {
            const requested = path.slice(base.length);
            // Pages are Astro's; a folder URL is ours only where a renamed record left a redirect.
            const file = findSiteFile(getSite(folder), requested.endsWith('/') ? `${requested}index.html` : requested);
            if (!file) return next();
            response.setHeader('Content-Type', `${file.mediaType}; charset=utf-8`);
            response.end(file.render());
          } catch (error) {
            logger.error(String(error));
            next(error);
          }
        });
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const site = getSite(folder);
        const outDir = fileURLToPath(dir);
        const missing = missingLandingPages(site, pages);
        if (missing.length) throw new Error(`no landing page was built for ${missing.length} records, e.g. ${missing.slice(0, 5).join(', ')}`);
        let started = performance.now();
        const count = writeSiteFiles(site, outDir);
        logger.info(`wrote ${count} metadata files in ${Math.round(performance.now() - started)} ms`);
        started = performance.now();
        const indexed = await writeSearchIndex(outDir, site.settings.language);
        logger.info(`indexed ${indexed.pages} pages for search in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
