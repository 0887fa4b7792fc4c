import type { Site } from './site.ts';
import { landingPath } from './urls.ts';

/** Every record gets its page: a build that silently skipped some must not pass. */
export function missingLandingPages(site: Site, pages: { pathname: string }[]): string[] {
  const built = new Set(pages.map((page) => `/${page.pathname.replace(/^\/+|\/+$/g, '')}/`));
  const base = new URL(site.settings.url).pathname.replace(/\/$/, '');
  return [...site.catalog.records.values()]
    .map((record) => landingPath(record.type, record.id))
    .filter((path) => !built.has(path) && !built.has(`${base}${path}`));
}
