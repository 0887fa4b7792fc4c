import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/catalog/check.ts';
import type { CatalogRecord } from '../../src/catalog/load.ts';
import { createMetadataContext } from '../../src/metadata/context.ts';
import { croissant, type CroissantDataset } from '../../src/metadata/croissant/index.ts';
import { copySource, errors, importerFixtures, importInto, read, readRecord, scratch, snapshot } from './helpers.ts';

const examples = join(importerFixtures, 'croissant');
const files = readdirSync(examples).filter((name) => name.endsWith('.json'));

type Json = Record<string, unknown>;

/** Text as the Croissant examples write it: a string, or a language map read in English. */
const english = (value: unknown): string | undefined => (typeof value === 'string' ? value : (value as Record<string, string> | undefined)?.['en']);
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The SPDX ids the examples' licences are, written out independently of the importer. */
const spdxOfExample: Record<string, string> = {
  'https://creativecommons.org/licenses/by/4.0/': 'CC-BY-4.0',
  mit: 'MIT',
  'afl-3.0': 'AFL-3.0',
};

/** Croissant data types as the catalog's variable types can hold them, also written out here. */
const keptDataTypes = new Set(['sc:Text', 'sc:Integer', 'sc:Float', 'sc:Boolean', 'sc:Date', 'sc:ImageObject', 'sc:AudioObject', 'sc:URL']);

async function roundTrip(file: string): Promise<{ source: Json; exported: CroissantDataset; root: string; record: CatalogRecord<'dataset'> }> {
  const root = scratch();
  const outcome = await importInto(root, 'croissant', join(examples, file));
  expect(outcome.problems).toEqual([]);
  const { catalog, graph, problems } = checkCatalog(root);
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  const record = [...catalog.records.values()].find((candidate) => candidate.type === 'dataset' && candidate.data.importedFrom?.tool === 'croissant') as CatalogRecord<'dataset'>;
  expect(croissant.appliesTo(record)).toBe(true);
  const exported = JSON.parse(croissant.render(croissant.build(record, createMetadataContext(catalog.settings!, graph)))) as CroissantDataset;
  return { source: JSON.parse(readFileSync(join(examples, file), 'utf8')) as Json, exported, root, record };
}

describe('Croissant import and export round trip', () => {
  it.each(files)('%s keeps name, description, licence, url, creators, dates and version', async (file) => {
    const { source, exported } = await roundTrip(file);
    expect(exported.name).toBe(english(source['name']));
    expect(exported.description).toBe(english(source['description']));
    expect(exported.url).toBe(source['url']);
    const license = source['license'] as string;
    expect(exported.license).toBe(spdxOfExample[license] ? `https://spdx.org/licenses/${spdxOfExample[license]}` : license);
    if (source['datePublished']) expect(exported.datePublished).toBe(source['datePublished']);
    if (source['version']) expect(exported.version).toBe(source['version']);
    const creators = list(source['creator'] as Json | Json[] | undefined);
    if (creators.length) {
      expect(exported.creator.map((creator) => [creator['@type'], creator['name'], creator['url']])).toEqual(creators.map((creator) => [creator['@type'], creator['name'], creator['url']]));
    } else {
      // No creator in the source: the catalog's publisher stands in, as Croissant requires one.
      expect(exported.creator.map((creator) => creator['name'])).toEqual(['Example Organization']);
    }
  });

  it.each(files)("%s keeps every file's contentUrl, encodingFormat and checksums, and every file set", async (file) => {
    const { source, exported } = await roundTrip(file);
    const entries = list(source['distribution'] as Json[]);
    expect(exported.distribution).toHaveLength(entries.length);
    for (const entry of entries) {
      const kept = exported.distribution.find((candidate) => candidate['@id'] === entry['@id'] || candidate.name === entry['name']);
      expect(kept, String(entry['@id'])).toBeDefined();
      expect(kept!['@type']).toBe(entry['@type']);
      expect(kept!.contentUrl).toBe(entry['contentUrl']);
      expect(kept!.encodingFormat).toBe(entry['encodingFormat']);
      expect(kept!.sha256).toBe(entry['sha256']);
      expect(kept!.md5).toBe(entry['md5']);
      if (entry['includes']) expect(kept!.includes).toEqual(list(entry['includes']));
      if (entry['contentSize'] && entry['@type'] === 'cr:FileSet') expect(kept!.contentSize).toBe(entry['contentSize']);
    }
  });

  it.each(files)('%s keeps the fields of its record sets with their descriptions and data types', async (file) => {
    const { source, exported } = await roundTrip(file);
    const sourceFields = list(source['recordSet'] as Json[]).flatMap((recordSet) => list(recordSet['field'] as Json[]));
    const exportedFields = (exported.recordSet ?? []).flatMap((recordSet) => recordSet.field);
    expect(exportedFields).toHaveLength(sourceFields.length);
    sourceFields.forEach((field, index) => {
      const kept = exportedFields[index]!;
      expect(kept.name).toBe(english(field['name']));
      expect(kept.description).toBe(english(field['description']));
      const dataType = list(field['dataType'] as string | string[]).find((type) => keptDataTypes.has(type)) ?? 'sc:Text';
      expect(kept.dataType).toBe(dataType);
    });
  });

  it('imports all five into one catalog as five datasets, and again without a change', async () => {
    const root = scratch();
    for (const file of files) expect((await importInto(root, 'croissant', join(examples, file))).problems).toEqual([]);
    expect(readdirSync(join(root, 'datasets')).filter((name) => name !== 'demo-data.md').sort()).toEqual([
      'cc-main-2025-43.md',
      'fashion-mnist.md',
      'minimal-example-with-multilingual-descriptions.md',
      'minimal-example-with-recommended-fields.md',
      'titanic.md',
    ]);
    expect(readRecord(root, 'organizations/the-common-crawl-foundation.yaml').data).toEqual({ name: 'The Common Crawl Foundation', url: 'https://commoncrawl.org/' });
    const before = snapshot(root);
    for (const file of files) {
      const again = await importInto(root, 'croissant', join(examples, file));
      expect(again.changes.map((change) => change.action)).toEqual(['unchanged']);
    }
    expect(snapshot(root)).toEqual(before);
    expect(errors(root)).toEqual([]);
  });

  it('reuses a person or organization of the catalog with the same name, and keeps hand edits on re-import', async () => {
    const root = scratch();
    const source = copySource(join(examples, '1.1-commoncrawl-CC-MAIN-2025-43-draft.json'));
    writeFileSync(source, readFileSync(source, 'utf8').replace('"name": "The Common Crawl Foundation"', '"name": "Example Organization"'));
    await importInto(root, 'croissant', source);
    expect(readRecord(root, 'datasets/cc-main-2025-43.md').data['creators']).toEqual(['example-org']);

    const path = join(root, 'datasets/cc-main-2025-43.md');
    writeFileSync(path, read(root, 'datasets/cc-main-2025-43.md').replace('description: Common Crawl October 2025 Crawl Archive', 'description: The October 2025 crawl of the public web by Common Crawl, as WARC, WAT and WET files.'));
    writeFileSync(source, readFileSync(source, 'utf8').replace('"version": "1.0.0"', '"version": "1.0.1"'));
    const outcome = await importInto(root, 'croissant', source);
    expect(outcome.changes[0]).toMatchObject({ action: 'updated', changed: ['version'], kept: ['description'] });
    expect(errors(root)).toEqual([]);
  });

  const broken: [string, (text: string) => string, RegExp, number | undefined][] = [
    ['JSON that does not parse', (text) => text.replace('"name": "Titanic",', '"name": "Titanic"'), /JSON syntax/, 50],
    ['a document without a Dataset', (text) => text.replace('"@type": "sc:Dataset"', '"@type": "sc:CreativeWork"'), /@type: no sc:Dataset node found/, undefined],
    ['a dataset without a name', (text) => text.replace('"name": "Titanic",', ''), /name: missing \(Croissant requires a dataset name\)/, undefined],
    ['a file object without encodingFormat', (text) => text.replace('"encodingFormat": "text/csv",\n      "sha256": "c617', '"sha256": "c617'), /distribution\[0\] \(passengers\.csv\): encodingFormat: missing/, undefined],
  ];

  it.each(broken)('reports %s and writes nothing', async (_name, breakIt, message, line) => {
    const root = scratch();
    const source = copySource(join(examples, '1.0-titanic.json'));
    writeFileSync(source, breakIt(readFileSync(source, 'utf8')));
    const before = snapshot(root);
    const outcome = await importInto(root, 'croissant', source);
    expect(outcome.written).toBe(false);
    expect(outcome.problems[0]!.file).toMatch(/1\.0-titanic\.json$/);
    expect(outcome.problems[0]!.message).toMatch(message);
    expect(outcome.problems[0]!.line).toBe(line);
    expect(snapshot(root)).toEqual(before);
  });
});
