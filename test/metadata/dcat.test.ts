import { describe, expect, it } from 'vitest';
import { catalogDocument, type CatalogDocument } from '../../src/metadata/dcat/catalog.ts';
import { edgeCatalogFolder, exampleCatalogFolder, expansionReport, metadataCatalog, schemaOrgTerms, termsOutsideContext } from '../helpers/jsonld.ts';

type Node = Record<string, unknown>;

const DCAT = 'http://www.w3.org/ns/dcat#';
const catalogs = { example: metadataCatalog(exampleCatalogFolder), edge: metadataCatalog(edgeCatalogFolder) };

function nodes(value: unknown): Node[] {
  return (value === undefined ? [] : [value].flat()).filter((item): item is Node => typeof item === 'object' && item !== null);
}

describe.each(Object.entries(catalogs))('catalog.jsonld of the %s catalog', (_name, { context, records }) => {
  const document = JSON.parse(JSON.stringify(catalogDocument(records, context))) as CatalogDocument;
  const datasets = records.filter((record) => record.type === 'dataset');

  it('is a schema.org DataCatalog and a DCAT Catalog of the site', () => {
    expect(document['@id']).toBe(context.url('/'));
    expect(document['@type']).toEqual(['DataCatalog', 'dcat:Catalog']);
    expect(document['name']).toBe(context.settings.title);
    expect(document['dct:title']).toBe(context.settings.title);
    expect(document['@context']).toEqual(['https://schema.org', expect.objectContaining({ dcat: DCAT, dct: 'http://purl.org/dc/terms/' })]);
  });

  it('lists every dataset in both vocabularies, and projects and models as parts', () => {
    const entries = nodes(document['dataset']);
    expect(entries.map((entry) => entry['@id'])).toEqual(datasets.map((record) => context.landingUrl(record)));
    expect(nodes(document['dcat:dataset'])).toEqual(datasets.map((record) => ({ '@id': context.landingUrl(record) })));
    for (const [index, entry] of entries.entries()) {
      expect(entry['@type']).toEqual(['Dataset', 'dcat:Dataset']);
      expect(entry['dct:title']).toBe(datasets[index]!.data.title);
      expect(entry['dcat:landingPage']).toEqual({ '@id': entry['@id'] });
      expect(entry['dct:license']).toEqual({ '@id': entry['license'] });
    }
    const parts = nodes(document['hasPart']).map((part) => part['@id']);
    const expected = records.filter((record) => record.type === 'project' || record.type === 'model').map((record) => context.landingUrl(record));
    expect(parts).toEqual(expected);
  });

  it('gives each file a DCAT distribution with download URL, media type and byte size', () => {
    for (const [index, entry] of nodes(document['dataset']).entries()) {
      const record = datasets[index]!;
      const files = record.type === 'dataset' && record.data.status?.state !== 'withdrawn' ? (record.data.files ?? []) : [];
      const distributions = nodes(entry['distribution']);
      expect(distributions).toHaveLength(files.length);
      expect(nodes(entry['dcat:distribution'])).toEqual(distributions.map((distribution) => ({ '@id': distribution['@id'] })));
      files.forEach((file, position) => {
        expect(distributions[position]).toMatchObject({
          '@type': ['DataDownload', 'dcat:Distribution'],
          contentUrl: file.url,
          'dcat:downloadURL': { '@id': file.url },
          'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${file.mediaType.split(';')[0]}` },
          'dcat:byteSize': { '@value': String(file.size), '@type': 'xsd:nonNegativeInteger' },
        });
      });
    }
  });

  it('expands without losing a term or a value, to dcat:Dataset and dcat:Distribution nodes', async () => {
    const report = await expansionReport(document);
    expect(report.droppedTerms).toEqual([]);
    expect(report.expandedValues).toBe(report.compactValues);
    expect(termsOutsideContext(document as never, new Set([...schemaOrgTerms(), 'sha256', 'funding']))).toEqual([]);
    const [catalog] = report.expanded as Node[];
    expect(catalog?.['@type']).toEqual(['http://schema.org/DataCatalog', `${DCAT}Catalog`]);
    expect(nodes(catalog?.[`${DCAT}dataset`])).toHaveLength(datasets.length);
    const text = JSON.stringify(report.expanded);
    expect(text.split(`"${DCAT}downloadURL"`).length - 1).toBe(nodes(document['dataset']).flatMap((entry) => nodes(entry['distribution'])).length);
  });
});

describe('catalog.jsonld details', () => {
  it('keeps a withdrawn dataset listed, marked withdrawn and without distributions', () => {
    const { context, records } = catalogs.edge;
    const document = catalogDocument(records, context);
    const withdrawn = nodes(document['dataset']).find((entry) => entry['@id'] === context.landingUrl({ type: 'dataset', id: 'edge-withdrawn' }))!;
    expect(withdrawn['creativeWorkStatus']).toBe('Withdrawn');
    expect(withdrawn['distribution']).toBeUndefined();
    expect(withdrawn['dcat:distribution']).toBeUndefined();
  });

  it('types dates for DCAT: a date as xsd:date, a date-time as xsd:dateTime', () => {
    const { context, records } = catalogs.edge;
    const entry = nodes(catalogDocument(records, context)['dataset']).find((candidate) => candidate['@id'] === context.landingUrl({ type: 'dataset', id: 'edge-data' }))!;
    expect(entry['dct:issued']).toEqual({ '@value': '2024-03-01', '@type': 'xsd:date' });
    expect(entry['dct:modified']).toEqual({ '@value': '2024-04-01T10:00:00Z', '@type': 'xsd:dateTime' });
  });
});
