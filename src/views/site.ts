import { resolve } from 'node:path';
import { catalogFolder } from '../cli/catalog-folder.ts';
import { getSite, type Site } from '../site/site.ts';

/** The site being built: the catalog folder the build was started with. */
export function site(): Site {
  return getSite(resolve(catalogFolder()));
}
