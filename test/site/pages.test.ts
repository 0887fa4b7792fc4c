import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializersFor } from '../../src/metadata/index.ts';
import { typeFolders } from '../../src/catalog/urls.ts';
import { builtSite, headLinks, jsonLdBlocks } from './helpers.ts';
import { validateDataciteXml } from '../helpers/datacite-xsd.ts';

const example = builtSite('example');

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html')).map((path) => join(folder, path));
}

describe('the built example site', () => {
  it('has one landing page per record, and the sitemap lists exactly those', () => {
    const records = [...example.site.catalog.records.values()];
    for (const record of records) expect(example.exists(`${typeFolders[record.type]}/${record.id}/index.html`), record.id).toBe(true);
    const formerIds = new Set(records.flatMap((record) => ('formerIds' in record.data ? (record.data.formerIds ?? []) : [])));
    const landingPages = Object.values(typeFolders).flatMap((folder) =>
      readdirSync(join(example.outDir, folder), { withFileTypes: true }).filter((entry) => entry.isDirectory() && !formerIds.has(entry.name)),
    );
    const sitemapEntries = [...example.read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(landingPages).toHaveLength(records.length);
    expect(sitemapEntries).toHaveLength(records.length);
    expect(example.read('sitemap.xml')).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/);
  });

  it('writes every export of every published record', () => {
    for (const record of example.site.published) {
      for (const serializer of serializersFor(record)) {
        expect(example.exists(`${typeFolders[record.type]}/${record.id}/${serializer.fileName}`), `${record.id}/${serializer.fileName}`).toBe(true);
      }
    }
    const dataset = example.site.catalog.records.get('fashion-mnist') as (typeof example.site.published)[number];
    expect(serializersFor(dataset).map((serializer) => serializer.fileName)).toEqual(
      expect.arrayContaining(['metadata.jsonld', 'datacite.xml', 'datacite.json', 'citation.bib', 'citation.json', 'linkset.json', 'croissant.json']),
    );
    const project = example.site.published.find((record) => record.type === 'project')!;
    expect(serializersFor(project).map((serializer) => serializer.fileName)).toContain('ro-crate-metadata.json');
  });

  it('carries a Content-Security-Policy on every page, and runs no script but the site\'s own files', () => {
    // The web editor under admin/ has a policy of its own (test/site/editor.test.ts).
    for (const file of htmlFiles(example.outDir).filter((path) => !path.includes('/admin/'))) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).toMatch(/<head>\s*<meta charset="utf-8">\s*<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/);
      for (const [script, attributes] of html.matchAll(/<script\b([^>]*)>/g)) {
        expect(attributes, `${file}: ${script}`).toMatch(/^ type="application\/ld\+json"$|^ type="module" src="\/_astro\/[^"]+\.js"$|^ src="\/pagefind\/pagefind-ui\.js"$/);
      }
      expect(html, file).not.toMatch(/<[^>]+\son[a-z]+=/i);
    }
  });

  it('writes the site-level files, robots.txt naming the sitemap', () => {
    expect(example.read('robots.txt')).toContain('Sitemap: https://heliograph.example.org/sitemap.xml');
    expect(JSON.parse(example.read('catalog.jsonld'))).toBeTruthy();
    expect(example.read('feed.xml')).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  });

  it('writes DataCite XML that validates against the official 4.7 XSD for every record', async () => {
    for (const record of example.site.published) {
      const { valid, errors } = await validateDataciteXml(example.read(`${typeFolders[record.type]}/${record.id}/datacite.xml`));
      expect(errors, record.id).toBe('');
      expect(valid).toBe(true);
    }
  });

  it('embeds the same schema.org document the metadata.jsonld export holds', () => {
    for (const record of example.site.published) {
      const blocks = jsonLdBlocks(example.page(record));
      expect(blocks, record.id).toHaveLength(1);
      expect(JSON.parse(blocks[0]!)).toEqual(JSON.parse(example.read(`${typeFolders[record.type]}/${record.id}/metadata.jsonld`)));
    }
  });
});

describe('FAIR Signposting', () => {
  for (const name of ['example', 'edge'] as const) {
    const built = builtSite(name);
    it(`follows the level 1 and 2 rules on every landing page (${name})`, () => {
      for (const record of built.site.published) {
        const links = headLinks(built.page(record));
        const rel = (token: string) => links.filter((link) => link.rel === token);
        expect(rel('cite-as'), record.id).toHaveLength(1);
        expect(rel('cite-as')[0]!.href).toBe(record.data.doi ? `https://doi.org/${record.data.doi}` : built.site.context.landingUrl(record));
        expect(rel('describedby').length).toBeGreaterThan(0);
        for (const link of rel('describedby')) expect(link.type, link.href).toBeTruthy();
        expect(rel('type').map((link) => link.href)).toContain('https://schema.org/AboutPage');
        expect(rel('license').length).toBeLessThanOrEqual(1);
        for (const link of rel('item')) expect(link.type, link.href).toBeTruthy();
        for (const link of links) expect(link.rel.split(' '), 'one rel token per link').toHaveLength(1);
        const canonical = rel('canonical');
        expect(canonical).toHaveLength(1);

        const linksetPath = rel('linkset')[0]!.href.slice(built.site.settings.url.length);
        const linkset = JSON.parse(built.read(linksetPath)) as { linkset: Record<string, unknown>[] };
        const context = linkset.linkset[0]!;
        expect(context.anchor).toBe(built.site.context.landingUrl(record));
        for (const [key, targets] of Object.entries(context)) {
          if (key === 'anchor') continue;
          for (const target of targets as { href: string }[]) expect(target.href).toMatch(/^https?:\/\//);
        }
      }
    });
  }

  it('links each author with an ORCID iD', () => {
    const run = example.site.published.find((record) => record.type === 'model' && record.data.creators.includes('josiah-carberry'))!;
    expect(headLinks(example.page(run))).toContainEqual(expect.objectContaining({ rel: 'author', href: 'https://orcid.org/0000-0002-1825-0097' }));
  });
});

describe('withdrawn records', () => {
  it('keep a tombstone page without file links, and their exports say so', () => {
    const withdrawn = example.site.published.find((record) => record.data.status?.state === 'withdrawn')!;
    const html = example.page(withdrawn);
    expect(html).toContain('has been withdrawn');
    expect(html).toContain(withdrawn.data.status!.reason!);
    expect(headLinks(html).filter((link) => link.rel === 'item')).toEqual([]);
    expect(html).not.toMatch(/<table class="files">/);
    expect(example.read(`${typeFolders[withdrawn.type]}/${withdrawn.id}/datacite.xml`)).toMatch(/<date dateType="Withdrawn"[^>]*>/);
  });
});

describe('a hostile title', () => {
  const edge = builtSite('edge');
  const hostile = edge.site.published.find((record) => record.data.title.includes('</script>'))!;
  const html = edge.page(hostile);

  it('neither breaks the page nor the JSON-LD', () => {
    // Outside attribute values (where "<" is plain text) every "</script>" closes a script element.
    const markup = html.replace(/="[^"]*"/g, '=""');
    expect(markup.match(/<\/script>/g)?.length).toBe(markup.match(/<script\b/g)?.length);
    expect(markup).not.toContain('<b> title');
    expect(html).toMatch(/<h1[^>]*>Hostile &lt;\/script&gt; &amp; &quot;quotes&quot; &lt;b&gt; title<\/h1>/);
    const [block] = jsonLdBlocks(html);
    expect(JSON.parse(block!).name).toBe(hostile.data.title);
  });

  it('survives every export intact', () => {
    // The linkset is the only export that carries no title.
    for (const serializer of serializersFor(hostile).filter((serializer) => serializer.id !== 'linkset')) {
      const text = edge.read(`${typeFolders[hostile.type]}/${hostile.id}/${serializer.fileName}`);
      if (/json/.test(serializer.mediaType)) expect(JSON.stringify(JSON.parse(text)), serializer.fileName).toContain(JSON.stringify(hostile.data.title).slice(1, -1));
      if (/xml/.test(serializer.mediaType)) {
        expect(text, serializer.fileName).not.toContain('<b> title');
        expect(text).toContain('Hostile &lt;/script&gt; &amp; "quotes" &lt;b&gt; title');
      }
    }
  });
});
