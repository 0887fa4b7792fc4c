/**
 * What F-UJI (v3.5.1, metric sets v0.5 and v0.8) and the schema.org 30.0
 * vocabulary ask of the landing-page JSON-LD, one test per cause the
 * assessor's report named: the assessor itself cannot run here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import type { CatalogRecord } from '../../src/catalog/load.ts';
import { isWithdrawn, type PublishedRecord } from '../../src/metadata/common/record-facts.ts';
import type { MetadataContext } from '../../src/metadata/context.ts';
import { roCrate } from '../../src/metadata/ro-crate/index.ts';
import { schemaOrg } from '../../src/metadata/schema-org/index.ts';
import { fixtures } from '../helpers/catalogs.ts';
import { compactTerms, edgeCatalogFolder, exampleCatalogFolder, metadataCatalog, offlineDocumentLoader } from '../helpers/jsonld.ts';

type Json = Record<string, unknown>;

const standards = join(fixtures, 'standards');
const termList = (file: string) =>
  new Set(
    readFileSync(join(standards, file), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  );
const vocabularies = { schema: termList('schemaorg/schemaorg-30.0-terms.txt'), prov: termList('prov-o/terms.txt'), fair4ml: termList('fair4ml/terms.txt') };

const catalogs = { example: metadataCatalog(exampleCatalogFolder), edge: metadataCatalog(edgeCatalogFolder) };

function documentOf(record: PublishedRecord, context: MetadataContext): Json {
  return JSON.parse(schemaOrg.render(schemaOrg.build(record, context))) as Json;
}

const list = (value: unknown): Json[] => [value ?? []].flat() as Json[];

/** COAR access-right IRIs (http://purl.org/coar/access_right/…), the vocabulary F-UJI's access test knows. */
const coarAccessRight = /^http:\/\/purl\.org\/coar\/access_right\/c_[0-9a-f]{4}$/;

describe.each(Object.entries(catalogs))('the %s catalog’s pages, as F-UJI reads them', (_name, { context, records }) => {
  const published = records.filter((record): record is PublishedRecord & (typeof records)[number] => ['project', 'dataset', 'model', 'run'].includes(record.type));
  const cases = published.map((record) => [`${record.type} ${record.id}`, record] as const);

  it.each(cases)('%s states its access rights as isAccessibleForFree and a COAR IRI', (_label, record) => {
    const document = documentOf(record, context);
    expect(String((document['dct:accessRights'] as Json | undefined)?.['@id'])).toMatch(coarAccessRight);
    if (!isWithdrawn(record)) expect(typeof document['isAccessibleForFree']).toBe('boolean');
  });

  it.each(cases)('%s names a PROV-O relation, even when no run generated it', (_label, record) => {
    const document = documentOf(record, context);
    expect(Object.keys(document).filter((key) => key.startsWith('prov:')).length).toBeGreaterThan(0);
    if (record.type !== 'run') expect(list(document['prov:wasAttributedTo']).length).toBeGreaterThan(0);
  });

  it.each(cases.filter(([, record]) => record.type === 'project' || record.type === 'run'))('%s offers its data as DataDownloads with URL, media type and size in bytes', (_label, record) => {
    const document = documentOf(record, context);
    const downloads = list(document['distribution']);
    if (record.type === 'run' && !(record as CatalogRecord<'run'>).data.outputs?.some((output) => typeof output !== 'string')) return;
    expect(downloads.length).toBeGreaterThan(0);
    for (const download of downloads) {
      expect(download['@type']).toBe('DataDownload');
      expect(String(download['contentUrl'])).toMatch(/^https?:\/\//);
      expect(String([download['encodingFormat']].flat()[0])).toMatch(/^[a-z]+\/[\w.+-]+/);
      expect(String(download['contentSize'])).toMatch(/^\d+$/);
    }
    if (record.type === 'project') {
      const project = record as CatalogRecord<'project'>;
      // The RO-Crate export is written beside the page: the size stated is that file's.
      const crate = roCrate.render(roCrate.build(project, context));
      expect(downloads[0]).toMatchObject({ contentUrl: context.exportUrl(project, 'ro-crate-metadata.json'), encodingFormat: 'application/ld+json', contentSize: String(Buffer.byteLength(crate)) });
    }
  });

  it.each(cases.filter(([, record]) => record.type === 'dataset' && !isWithdrawn(record)))('%s states a file format the assessor can read without opening archives', (_label, record) => {
    const formats = list(documentOf(record, context)['distribution']).flatMap((download) => [download['encodingFormat']].flat()).map(String);
    const dataset = record as CatalogRecord<'dataset'>;
    const knownContent = dataset.data.files?.some((file) => file.contentMediaType || /\.(csv|tsv|json|jsonl|parquet)\.gz$/.test(file.name));
    if (knownContent) expect(formats.some((format) => !/gzip|zip|tar/.test(format))).toBe(true);
  });

  it.each(cases)('%s uses only terms of schema.org 30.0, PROV-O, FAIR4ML and the declared DCMI, SPDX and XSD prefixes', (_label, record) => {
    const unknown = [...compactTerms(documentOf(record, context) as never)].filter((term) => {
      const [prefix, local] = term.includes(':') ? term.split(':') : ['schema', term];
      if (prefix === 'schema' || prefix === 'prov' || prefix === 'fair4ml') return !vocabularies[prefix].has(local!);
      return !['dct', 'spdx', 'xsd'].includes(prefix!);
    });
    expect(unknown).toEqual([]);
    const types = list(documentOf(record, context)['@type']).map(String);
    for (const type of types) {
      const [prefix, local] = type.includes(':') ? type.split(':') : ['schema', type];
      expect(vocabularies[prefix as keyof typeof vocabularies]?.has(local!), type).toBe(true);
    }
  });

  it.each(cases)('%s keeps every term when expanded with the older context F-UJI bundles', async (_label, record) => {
    // F-UJI resolves https://schema.org to its own copy, which lacks newer terms (sha256, funding): @vocab must still carry them.
    const bundled = JSON.parse(readFileSync(join(standards, 'schemaorg', 'schemaorgcontext-fuji-bundled.jsonld'), 'utf8')) as object;
    const loader = async (url: string) => (url.replace(/\/$/, '').endsWith('schema.org') ? { contextUrl: undefined, documentUrl: url, document: bundled } : offlineDocumentLoader(url));
    const expanded = await jsonld.expand(documentOf(record, context), { documentLoader: loader, safe: true } as jsonld.Options.Expand);
    expect(expanded.length).toBe(1);
  });
});
