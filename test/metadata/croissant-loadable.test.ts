/**
 * The Croissant of every example dataset whose files ship with the site is
 * loaded here as a Croissant loader would: each field's source must name a
 * file object of the distribution, for CSV a column of the file's real
 * header, and every row of the file must give one record whose values read
 * as the field's data type.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { croissant } from '../../src/metadata/croissant/index.ts';
import type { PublishedRecord } from '../../src/metadata/types.ts';
import { keptFiles } from '../../src/catalog/kept-files.ts';
import { loadSite } from '../../src/site/site.ts';

interface FileObject {
  '@id': string;
  contentUrl: string;
  encodingFormat: string;
  contentSize: string;
  sha256?: string;
}
interface Field {
  '@id': string;
  dataType: string;
  source: { fileObject?: { '@id': string }; extract?: { column?: string } };
}

const readAs: Record<string, (value: string) => boolean> = {
  'sc:Float': (value) => value.trim() !== '' && Number.isFinite(Number(value)),
  'sc:Integer': (value) => /^-?\d+$/.test(value),
  'sc:Text': (value) => value !== '',
  'sc:Boolean': (value) => /^(?:true|false)$/i.test(value),
};

const site = loadSite('content');
const shipped = [...site.catalog.records.values()].filter((record) => record.type === 'dataset' && keptFiles(record as PublishedRecord).length) as PublishedRecord[];

describe('Croissant of datasets whose files ship with the site', () => {
  it('the example catalog has such a dataset', () => {
    expect(shipped.map((record) => record.id)).toContain('iris');
  });

  it.each(shipped.map((record) => [record.id, record] as const))('%s loads: every field from an existing file and column, one record per row', (_, record) => {
    const document = croissant.build(record, site.context) as { distribution: FileObject[]; recordSet: { '@id': string; field: Field[] }[] };
    const byUrl = new Map(keptFiles(record).map((file) => [site.context.url(file.sitePath), file.source]));
    const fileObjects = new Map(document.distribution.map((file) => [file['@id'], file]));
    for (const recordSet of document.recordSet) {
      const columns = new Map<string, string[]>();
      let rows = -1;
      for (const field of recordSet.field) {
        const fileObject = fileObjects.get(field.source.fileObject?.['@id'] ?? '');
        expect(fileObject, `${field['@id']}: its source names no file object of the distribution`).toBeDefined();
        const path = byUrl.get(fileObject!.contentUrl);
        expect(path, `${fileObject!.contentUrl} does not ship with the site`).toBeDefined();
        const bytes = readFileSync(path!);
        expect(`${bytes.length} B`).toBe(fileObject!.contentSize);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(fileObject!.sha256);
        expect(fileObject!.encodingFormat).toBe('text/csv');
        const table = Papa.parse<Record<string, string>>(bytes.toString('utf8'), { header: true, skipEmptyLines: true });
        expect(table.errors).toEqual([]);
        const column = field.source.extract?.column;
        expect(table.meta.fields, `${field['@id']}: column "${column}" is not in the file's header`).toContain(column);
        const values = table.data.map((row) => row[column!]!);
        expect(values.filter((value) => !readAs[field.dataType]!(value)), `${field['@id']}: values that do not read as ${field.dataType}`).toEqual([]);
        columns.set(field['@id'], values);
        rows = Math.max(rows, values.length);
      }
      // Each record of the set takes one value from every field: as many records as rows.
      for (const values of columns.values()) expect(values.length).toBe(rows);
      expect(rows).toBeGreaterThan(0);
    }
  });

  it('the Iris record set gives the 150 flowers, 50 of each species', () => {
    const iris = shipped.find((record) => record.id === 'iris')!;
    const [file] = keptFiles(iris);
    const table = Papa.parse<Record<string, string>>(readFileSync(file!.source, 'utf8'), { header: true, skipEmptyLines: true });
    const species = Object.groupBy(table.data, (row) => row['species']!);
    expect(table.data).toHaveLength(150);
    expect(Object.fromEntries(Object.entries(species).map(([name, rows]) => [name, rows!.length]))).toEqual({ setosa: 50, versicolor: 50, virginica: 50 });
  });
});
