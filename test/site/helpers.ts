import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { getSite, type Site } from '../../src/site/site.ts';
import { landingPath } from '../../src/catalog/urls.ts';

export type SiteName = 'example' | 'edge' | 'hostile';

export function builtSite(name: SiteName): { outDir: string; site: Site; read(path: string): string; exists(path: string): boolean; page(record: { type: Parameters<typeof landingPath>[0]; id: string }): string } {
  const { outDir, catalog } = inject('sites')[name];
  const site = getSite(catalog);
  const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
  return {
    outDir,
    site,
    read,
    exists: (path) => existsSync(join(outDir, path)),
    page: (record) => read(`${landingPath(record.type, record.id)}index.html`),
  };
}

/** The <link> elements of a page's head, as rel/href/type. */
export function headLinks(html: string): { rel: string; href: string; type?: string }[] {
  const head = html.slice(0, html.indexOf('</head>'));
  return [...head.matchAll(/<link\b([^>]*)>/g)].map((match) => {
    const attributes = Object.fromEntries([...match[1]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((attribute) => [attribute[1], decodeEntities(attribute[2]!)]));
    return attributes as { rel: string; href: string; type?: string };
  });
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return named[entity.toLowerCase()]!;
  });
}

/** The text inside every <script type="application/ld+json"> of a page. */
export function jsonLdBlocks(html: string): string[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
}
