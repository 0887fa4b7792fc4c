/**
 * A link checker over a built site, without network: every internal href/src,
 * every <link> target and every export URL must resolve to a file in the build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
    .map((file) => join(folder, file));
}

function resolves(outDir: string, path: string): boolean {
  const target = join(outDir, decodeURIComponent(path));
  if (!existsSync(target)) return false;
  return !statSync(target).isDirectory() || existsSync(join(target, 'index.html'));
}

/**
 * `siteUrl` is the catalog's public base URL: absolute links under it are
 * internal too (signposting and canonical links are absolute).
 */
export function brokenLinks(outDir: string, siteUrl: string): { page: string; link: string }[] {
  const base = new URL(siteUrl);
  const broken: { page: string; link: string }[] = [];
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file, 'utf8');
    for (const match of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const link = match[1]!.replaceAll('&amp;', '&');
      if (link.startsWith('#') || /^(mailto|data):/.test(link)) continue;
      const url = new URL(link, new URL(file.slice(outDir.length).replace(/index\.html$/, ''), base));
      if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) continue;
      const path = url.pathname.slice(base.pathname.length);
      if (!resolves(outDir, path)) broken.push({ page: file.slice(outDir.length), link });
    }
  }
  return broken;
}
