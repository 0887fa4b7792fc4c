/**
 * CITATION.cff of every software record, validated with the official
 * Citation File Format 1.2.0 JSON Schema (draft-07, with its formats).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { citationCffSerializer } from '../../src/metadata/cff/index.ts';
import { serializersFor } from '../../src/metadata/index.ts';
import { fixtures, metadataCatalog } from '../helpers/catalogs.ts';

const schema = JSON.parse(readFileSync(join(fixtures, 'standards', 'citation-file-format-1.2.0', 'schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const catalogs = { example: metadataCatalog('content'), edge: metadataCatalog('test/fixtures/catalogs/datacite-edge') };

describe.each(Object.entries(catalogs))('CITATION.cff of the %s catalog', (_name, { context, records }) => {
  const software = records.filter((record) => record.type === 'software');

  it('is exported for software records only', () => {
    expect(software.length).toBeGreaterThan(0);
    for (const record of records) expect(serializersFor(record).includes(citationCffSerializer as never)).toBe(record.type === 'software');
  });

  it.each(software.map((record) => [record.id, record] as const))('%s is valid against the CFF 1.2.0 schema', (_id, record) => {
    const cff = parse(citationCffSerializer.render(citationCffSerializer.build(record, context))) as unknown;
    expect(validate(cff) ? [] : validate.errors).toEqual([]);
  });
});

describe('CITATION.cff content', () => {
  const { context, records } = catalogs.example;
  const cffOf = (id: string) => citationCffSerializer.build(records.find((record) => record.id === id)!, context);

  it('names the code, its version and commit, and the authors as CFF persons', () => {
    expect(cffOf('fashion-benchmark-code')).toMatchObject({
      'cff-version': '1.2.0',
      type: 'software',
      title: 'Fashion-MNIST benchmark training code',
      version: '1.2.0',
      commit: '0e0ae9785ba3ca1198cecc30e79d2d687d865df3',
      'date-released': '2024-03-11',
      license: 'MIT',
      'repository-code': 'https://github.com/example-lab/fashion-benchmark',
      url: 'https://heliograph.example.org/software/fashion-benchmark-code/',
      authors: [{ 'family-names': 'Lindqvist', 'given-names': 'Samira', affiliation: 'Example Vision Lab' }],
    });
  });

  it('is refused by the schema when a required field is missing (the validator is not a no-op)', () => {
    const { authors: _authors, ...withoutAuthors } = cffOf('fashion-benchmark-code');
    expect(validate(withoutAuthors)).toBe(false);
    expect(validate.errors?.map((error) => error.message)).toContain("must have required property 'authors'");
  });
});
