/**
 * The Astro integration, a thin hook into the core pipeline: plans the build
 * (whole site, shard or preview) and checks the catalog before anything is
 * built, points Astro's `site` and `base` at the catalog URL, starts the
 * worker that computes page parts and writes exports while Astro renders,
 * then finishes the site (site-wide files, search index) when the plan says
 * so. The dev server serves the same files from the core.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { catalogFolder } from '../cli/catalog-folder.ts';
import { isPublished } from '../metadata/common/record-facts.ts';
import { finishSite } from '../pipeline/finish.ts';
import { assertLandingPages } from '../pipeline/landing-pages.ts';
import { exportsWritten, startPagePartsWorker } from '../pipeline/page-parts.ts';
import { findSiteFile } from '../pipeline/site-files.ts';
import { CatalogInvalidError, getSite, invalidateSite } from '../site/site.ts';
import { plan } from '../views/site.ts';

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;

export default function heliograph(): AstroIntegration {
  const folder = resolve(catalogFolder());
  let renderStarted = 0;
  let root = process.cwd();
  return {
    name: 'heliograph',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (command === 'preview') return;
        root = fileURLToPath(config.root);
        try {
          const site = getSite(folder);
          const url = new URL(site.settings.url);
          updateConfig({
            site: url.origin,
            base: url.pathname,
            trailingSlash: 'always',
            // The pages' Content-Security-Policy runs scripts and style sheets only from files:
            // Astro would otherwise inline the small ones into every page.
            build: { inlineStylesheets: 'never' },
            vite: { build: { assetsInlineLimit: (file: string) => (/\.(js|css)$/.test(file) ? false : undefined) } },
          });
          if (command !== 'build') return;
          const planned = plan();
          logger.info(`plan: ${planned.label}, ${planned.records.length} of ${site.catalog.records.size} records; catalog loaded and checked in ${(site.loadMs / 1000).toFixed(2)} s`);
          // The worker writes exports into the output folder while Astro renders, so the pipeline empties it, not Astro.
          const outDir = fileURLToPath(config.outDir);
          rmSync(outDir, { recursive: true, force: true });
          updateConfig({ vite: { build: { emptyOutDir: false } } });
          // This module may run from a bundled copy of the config, so the worker is found from the project root.
          startPagePartsWorker(site, planned.records.filter(isPublished), outDir, fileURLToPath(new URL('src/pipeline/page-parts-worker.ts', config.root)), { cacheName: planned.kind });
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
            const body = file.render();
            response.setHeader('Content-Type', typeof body === 'string' ? `${file.mediaType}; charset=utf-8` : file.mediaType);
            response.end(body);
          } catch (error) {
            logger.error(String(error));
            next(error);
          }
        });
      },
      'astro:build:start': () => {
        renderStarted = performance.now();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = getSite(folder);
        const planned = plan();
        const outDir = fileURLToPath(dir);
        logger.info(`rendered ${planned.records.length} records' pages in ${seconds(renderStarted)} (bundling included)`);
        let started = performance.now();
        const report = await exportsWritten(site);
        logger.info(`exports: ${report?.files ?? 0} files, done ${seconds(started)} after the pages; citations of ${report?.cachedCitations ?? 0} records from the cache`);
        assertLandingPages(planned.records, outDir);
        if (!planned.finishesSite) return;
        const finished = await finishSite(site, outDir, root);
        logger.info(`site files: ${finished.siteFiles} in ${(finished.siteFilesMs / 1000).toFixed(2)} s; search index: ${finished.indexedPages} pages in ${(finished.indexMs / 1000).toFixed(2)} s`);
        logger.info(finished.editor ? 'wrote the web editor to admin/' : 'no web editor: catalog.yaml names no repository on github.com or gitlab.com, nor editor settings');
      },
    },
  };
}
