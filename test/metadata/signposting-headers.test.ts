import { describe, expect, it } from 'vitest';
import { isPublished } from '../../src/metadata/common/record-facts.ts';
import { recordSerializers, schemaOrg, serializersFor } from '../../src/metadata/index.ts';
import { headersFile, linkHeaderValue } from '../../src/metadata/signposting/headers.ts';
import { signpostingLinks } from '../../src/metadata/signposting/links.ts';
import { edgeCatalogFolder, exampleCatalogFolder, metadataCatalog } from '../helpers/jsonld.ts';

/** The rules of a `_headers` file: a path line, then indented `Name: value` lines. */
function parseHeaders(text: string): Map<string, [string, string][]> {
  const rules = new Map<string, [string, string][]>();
  for (const block of text.trim().split(/\n\n/)) {
    const [path, ...lines] = block.split('\n');
    expect(rules.has(path!), `rule for ${path} written twice`).toBe(false);
    rules.set(
      path!,
      lines.map((line) => {
        const match = line.match(/^ {2}([\w-]+): (.+)$/);
        expect(match, line).toBeTruthy();
        return [match![1]!, match![2]!];
      }),
    );
  }
  return rules;
}

describe.each(Object.entries({ example: exampleCatalogFolder, edge: edgeCatalogFolder }))('the _headers file of the %s catalog', (_name, folder) => {
  const { context, records } = metadataCatalog(folder);
  const published = records.filter(isPublished);
  const text = headersFile(published, context);
  const rules = parseHeaders(text);

  it('sends each landing page the same typed links as its HTML head, one Link line each', () => {
    for (const record of published) {
      const links = signpostingLinks({ record, context, exports: serializersFor(record), schemaOrgType: schemaOrg.build(record, context)['@type'] });
      const path = new URL(context.landingUrl(record)).pathname;
      expect(rules.get(path), path).toEqual(links.map((link) => ['Link', linkHeaderValue(link)]));
      expect(links.filter((link) => link.rel === 'cite-as')).toHaveLength(1);
    }
  });

  it('serves every export with its media type, before any page rule', () => {
    const paths = [...rules.keys()];
    const base = new URL(context.url('/')).pathname;
    for (const serializer of recordSerializers) {
      const path = `${base}*/${serializer.fileName}`;
      expect(rules.get(path)).toEqual([['Content-Type', serializer.mediaType]]);
      expect(paths.indexOf(path)).toBeLessThan(recordSerializers.length);
    }
    expect(rules.get(`${base}*/linkset.json`)).toEqual([['Content-Type', 'application/linkset+json']]);
  });

  it('keeps every line within Cloudflare Pages’ 2,000 characters', () => {
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(2000);
  });
});

it('writes links as RFC 8288 values', () => {
  expect(linkHeaderValue({ rel: 'describedby', href: 'https://example.org/a/datacite.xml', type: 'application/vnd.datacite.datacite+xml', profile: 'http://datacite.org/schema/kernel-4' })).toBe(
    '<https://example.org/a/datacite.xml>; rel="describedby"; type="application/vnd.datacite.datacite+xml"; profile="http://datacite.org/schema/kernel-4"',
  );
  expect(linkHeaderValue({ rel: 'cite-as', href: 'https://doi.org/10.1/x' })).toBe('<https://doi.org/10.1/x>; rel="cite-as"');
});
