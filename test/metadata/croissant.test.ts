import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogRecord } from '../../src/catalog/load.ts';
import { croissant, type CroissantDataset } from '../../src/metadata/croissant/index.ts';
import type { MetadataContext } from '../../src/metadata/context.ts';
import { fixtures } from '../helpers/catalogs.ts';
import { edgeCatalogFolder, exampleCatalogFolder, expansionReport, metadataCatalog, schemaOrgTerms, termsOutsideContext } from '../helpers/jsonld.ts';

const examples = join(fixtures, 'standards', 'croissant', 'examples');
const readExample = (file: string) => JSON.parse(readFileSync(join(examples, file), 'utf8')) as { '@context': Record<string, unknown> };
const officialExample = readExample('1.1-commoncrawl-CC-MAIN-2025-43-draft.json');
/** The other 1.1 example carries the terms mlcroissant's standard context adds (it warns when they are missing). */
const multilingualExample = readExample('1.1-minimal_multilingual.json');

/** The mapping as the Croissant spec's data types name them, written out independently of the serializer's table. */
const expectedDataTypes: Record<string, string> = {
  integer: 'sc:Integer',
  float: 'sc:Float',
  text: 'sc:Text',
  boolean: 'sc:Boolean',
  date: 'sc:Date',
  image: 'sc:ImageObject',
  audio: 'sc:AudioObject',
  category: 'sc:Text',
};

const REQUIRED = ['name', 'description', 'license', 'url', 'creator', 'datePublished', 'distribution'] as const;

const catalogs = { example: metadataCatalog(exampleCatalogFolder), edge: metadataCatalog(edgeCatalogFolder) };

function documentOf(record: CatalogRecord<'dataset'>, context: MetadataContext): CroissantDataset {
  return JSON.parse(croissant.render(croissant.build(record, context))) as CroissantDataset;
}

describe.each(Object.entries(catalogs))('Croissant of the %s catalog', (_name, { context, records }) => {
  const datasets = records.filter((record): record is CatalogRecord<'dataset'> => record.type === 'dataset' && croissant.appliesTo(record));
  const cases = datasets.map((record) => [record.id, record] as const);

  it('describes every dataset that has files and is not withdrawn, and nothing else', () => {
    const expected = records.filter((record) => record.type === 'dataset' && record.data.files?.length && record.data.status?.state !== 'withdrawn');
    expect(datasets.map((record) => record.id)).toEqual(expected.map((record) => record.id));
    expect(datasets.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s has the official 1.1 context, type, conformsTo and every required property', (_id, record) => {
    const document = documentOf(record, context);
    expect(document['@context']).toMatchObject(officialExample['@context']);
    for (const term of ['samplingRate', 'arrayShape', 'isArray']) expect(document['@context'], term).toHaveProperty(term, multilingualExample['@context'][term]);
    expect(document['@type']).toBe('sc:Dataset');
    const raiStated = Object.keys(document).some((key) => key.startsWith('rai:'));
    expect(document.conformsTo).toEqual(raiStated ? ['http://mlcommons.org/croissant/1.1', 'http://mlcommons.org/croissant/RAI/1.0'] : 'http://mlcommons.org/croissant/1.1');
    for (const property of REQUIRED) expect(document[property], property).toBeTruthy();
    expect(document.creator.length).toBeGreaterThan(0);
    expect(document.license).toMatch(/^https:\/\/spdx\.org\/licenses\//);
    expect(document.url).toBe(context.landingUrl(record));
    expect(document.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });

  it.each(cases)('%s lists each file as a FileObject with its checksums, and the content of a compressed file as a FileSet in it', (_id, record) => {
    const document = documentOf(record, context);
    const files = record.data.files ?? [];
    const objects = document.distribution.filter((entry) => entry['@type'] === 'cr:FileObject');
    expect(objects).toHaveLength(files.length);
    files.forEach((file, index) => {
      const object = objects[index]!;
      expect(object['@id']).toBeTruthy();
      expect(object).toMatchObject({ name: file.name, contentUrl: file.url, encodingFormat: file.mediaType, contentSize: `${file.size} B` });
      expect(object.sha256 ?? object.md5).toBeTruthy();
      expect(object.sha256).toBe(file.sha256);
      expect(object.md5).toBe(file.md5);
      const content = document.distribution.find((entry) => entry.containedIn?.some((container) => container['@id'] === object['@id']));
      if (/\.(csv|json|jsonl|tsv|parquet)\.gz$/.test(file.name)) {
        expect(content, file.name).toMatchObject({ '@type': 'cr:FileSet', includes: [file.name.replace(/\.gz$/, '')] });
        expect(content!.encodingFormat).not.toMatch(/gzip/);
      } else expect(content).toBeUndefined();
    });
    const ids = [...document.distribution, ...(document.recordSet ?? []), ...(document.recordSet ?? []).flatMap((set) => set.field)].map((item) => item['@id']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(cases)('%s sources each field from the file its variable names, and a table’s field from its column', (_id, record) => {
    const document = documentOf(record, context);
    const files = record.data.files ?? [];
    const fields = (document.recordSet ?? []).flatMap((set) => set.field);
    const byId = new Map(document.distribution.map((entry) => [entry['@id'], entry]));
    for (const variable of record.data.variables ?? []) {
      const field = fields.find((candidate) => candidate.name === variable.name);
      const file = variable.file ? files.find((candidate) => candidate.url === variable.file || candidate.name === variable.file) : files.length === 1 ? files[0] : undefined;
      if (!file) {
        // Several files and none named: left out rather than read from the wrong one.
        expect(field, variable.name).toBeUndefined();
        continue;
      }
      expect(field?.dataType, variable.name).toBe(expectedDataTypes[variable.type ?? 'text']);
      const source = byId.get((field!.source.fileObject ?? field!.source.fileSet)!['@id'])!;
      expect(source, variable.name).toBeDefined();
      const download = source.containedIn ? byId.get(source.containedIn[0]!['@id']) : source;
      expect(download?.contentUrl, variable.name).toBe(file.url);
      if (/^text\/(csv|tab-separated-values)/.test(source.encodingFormat)) expect(field!.source.extract).toEqual({ column: variable.column ?? variable.name });
      else expect(field!.source.extract).toBeUndefined();
    }
  });

  it.each(cases)('%s expands without losing a term or a value', async (_id, record) => {
    const document = documentOf(record, context);
    const report = await expansionReport(document, { base: context.exportUrl(record, croissant.fileName) });
    expect(report.droppedTerms).toEqual([]);
    expect(report.expandedValues).toBe(report.compactValues);
    const known = new Set([...Object.keys(officialExample['@context']), ...schemaOrgTerms(), 'sha256']);
    expect(termsOutsideContext(document as never, known)).toEqual([]);
  });
});

describe('Croissant details', () => {
  const { context, records } = catalogs.edge;
  const dataset = (id: string) => records.find((record) => record.id === id) as CatalogRecord<'dataset'>;

  it('applies to datasets only, and not to withdrawn ones', () => {
    expect(croissant.appliesTo(dataset('edge-withdrawn'))).toBe(false);
    for (const record of records.filter((candidate) => candidate.type !== 'dataset')) expect(croissant.appliesTo(record)).toBe(false);
    expect(() => croissant.build(records.find((record) => record.type === 'model')!, context)).toThrow(/datasets/);
  });

  it('keeps file ids unique when names repeat, and extracts columns only from tabular files', () => {
    const document = documentOf(dataset('edge-data'), context);
    expect(document.distribution.map((file) => file['@id'])).toEqual(['table.csv', 'table.csv-2', 'images-archive.zip']);
    expect(document.recordSet).toHaveLength(1);
    const field = document.recordSet![0]!.field.find((candidate) => candidate.name === 'untyped column')!;
    expect(field['@id']).toBe('edge-data/untyped-column');
    expect(field.source).toEqual({ fileObject: { '@id': 'table.csv' }, extract: { column: 'untyped column' } });
    const images = documentOf(records.find((record) => record.id === 'edge-source') as CatalogRecord<'dataset'>, context);
    expect(images.recordSet).toBeUndefined();
  });

  it('states access, DOI, citation and provenance', () => {
    const document = documentOf(dataset('edge-data'), context);
    expect(document.isAccessibleForFree).toBe(false);
    expect(document.conditionsOfAccess).toBe('Ask the <b>lab</b> & wait.');
    expect(document.identifier).toBe('https://doi.org/10.5072/edge-data');
    expect(document.citeAs).toBe('https://doi.org/10.5072/edge-data');
    expect(document['prov:wasGeneratedBy']).toEqual({ '@id': context.landingUrl({ type: 'run', id: 'edge-generate' }) });
    expect(document['prov:wasDerivedFrom']).toEqual([
      { '@id': context.landingUrl({ type: 'dataset', id: 'edge-source' }) },
      { '@id': 'https://doi.org/10.1234/edge.upstream' },
      { '@id': 'https://example.org/upstream-data' },
    ]);
    const josiah = document.creator.find((creator) => creator['name'] === 'Josiah Carberry');
    expect(josiah).toMatchObject({ '@type': 'sc:Person', identifier: 'https://orcid.org/0000-0002-1825-0097', sameAs: 'https://orcid.org/0000-0002-1825-0097' });
  });

  it('reads the labels of the IDX datasets from the labels file, not the images file', () => {
    for (const id of ['fashion-mnist', 'fashion-mnist-augmented']) {
      const record = catalogs.example.records.find((candidate) => candidate.id === id) as CatalogRecord<'dataset'>;
      const document = documentOf(record, catalogs.example.context);
      const fields = document.recordSet!.flatMap((set) => set.field);
      expect(fields.find((field) => field.name === 'label')!.source.fileObject).toEqual({ '@id': 'train-labels-idx1-ubyte.gz' });
      expect(fields.find((field) => field.name === 'image')!.source.fileObject).toEqual({ '@id': 'train-images-idx3-ubyte.gz' });
    }
  });

  it('reads a gzipped CSV through the CSV inside it, column by column', () => {
    const record = catalogs.example.records.find((candidate) => candidate.id === 'fashion-mnist-noisy-labels') as CatalogRecord<'dataset'>;
    const document = documentOf(record, catalogs.example.context);
    const annotator = document.recordSet!.flatMap((set) => set.field).find((field) => field.name === 'annotator')!;
    expect(annotator.source).toEqual({ fileSet: { '@id': 'annotations.csv.gz/content' }, extract: { column: 'annotator' } });
    expect(document.distribution.find((entry) => entry['@id'] === 'annotations.csv.gz/content')).toMatchObject({
      encodingFormat: 'text/csv',
      containedIn: [{ '@id': 'annotations.csv.gz' }],
    });
  });

  it('does not need an image file to have columns', () => {
    const fashion = catalogs.example.records.find((record) => record.id === 'fashion-mnist') as CatalogRecord<'dataset'>;
    const document = documentOf(fashion, catalogs.example.context);
    for (const field of document.recordSet![0]!.field) expect(field.source.extract).toBeUndefined();
  });
});

describe('Croissant RAI 1.0', () => {
  /** Every property the RAI vocabulary defines, read from its Turtle file. */
  const raiTerms = new Set(
    [...readFileSync(join(fixtures, 'standards', 'croissant', 'vocabulary', 'croissant_rai.ttl'), 'utf8').matchAll(/^rai:(\w+) a rdf:Property/gm)].map((match) => match[1]!),
  );
  const { context, records } = catalogs.example;
  const noisy = records.find((record) => record.id === 'fashion-mnist-noisy-labels') as CatalogRecord<'dataset'>;
  const document = documentOf(noisy, context) as unknown as Record<string, unknown>;

  it('writes each responsible-AI fact under its RAI term, and only RAI terms', () => {
    const written = Object.keys(document).filter((key) => key.startsWith('rai:'));
    expect(written.length).toBeGreaterThan(5);
    expect(written.filter((key) => !raiTerms.has(key.slice(4)))).toEqual([]);
    expect(document['rai:personalSensitiveInformation']).toBe(noisy.data.responsibleAI!.personalSensitiveInformation);
    expect(document['rai:dataUseCases']).toEqual(noisy.data.responsibleAI!.dataUseCases);
  });

  it('states prohibited uses among the limitations, RAI having no term for them', () => {
    expect(document['rai:dataLimitations']).toEqual([noisy.data.responsibleAI!.dataLimitations, 'Not to be used for: Identifying or profiling individual annotators.']);
    expect(Object.keys(document)).not.toContain('rai:prohibitedUses');
  });

  it('names every schema field after a term of the RAI vocabulary', async () => {
    const { responsibleAiSchema } = await import('../../src/schema/responsible-ai.ts');
    const fields = Object.keys(responsibleAiSchema.shape).filter((field) => field !== 'prohibitedUses');
    expect(fields.filter((field) => !raiTerms.has(field))).toEqual([]);
  });

  it('expands every RAI term to the RAI namespace', async () => {
    const report = await expansionReport(document, { base: context.exportUrl(noisy, croissant.fileName) });
    expect(report.droppedTerms).toEqual([]);
    expect(JSON.stringify(report.expanded)).toContain('http://mlcommons.org/croissant/RAI/dataCollection');
  });
});

describe('the loss check on the official Croissant examples', () => {
  it.each(['1.1-commoncrawl-CC-MAIN-2025-43-draft.json', '1.0-fashion-mnist.json'])('accepts %s', async (file) => {
    const document = JSON.parse(readFileSync(join(examples, file), 'utf8')) as object;
    const report = await expansionReport(document, { base: 'https://example.org/croissant.json' });
    expect(report.droppedTerms).toEqual([]);
    expect(report.expandedValues).toBe(report.compactValues);
  });
});
