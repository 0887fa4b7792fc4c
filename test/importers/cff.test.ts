/**
 * `npm run import -- cff`: real CITATION.cff files (cffconvert's, the CFF
 * specification's own) as software records; the record checks, and its
 * CITATION.cff export keeps what was imported; bad input is refused with the
 * field to fix.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/catalog/check.ts';
import type { CatalogRecord } from '../../src/catalog/load.ts';
import { citationCff } from '../../src/metadata/cff/index.ts';
import { createMetadataContext } from '../../src/metadata/context.ts';
import { copySource, errors, importerFixtures, importInto, scratch, snapshot } from './helpers.ts';

const examples = join(importerFixtures, 'cff');

describe('CITATION.cff import', () => {
  it('makes a software record and its authors, and exports them again', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'cff', join(examples, 'cffconvert.cff'));
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    const { catalog, graph } = checkCatalog(root);
    const software = [...catalog.records.values()].find((record) => record.type === 'software') as CatalogRecord<'software'>;
    expect(software.data).toMatchObject({
      title: 'cffconvert',
      version: '1.0.3',
      doi: '10.5281/zenodo.1162057',
      license: 'Apache-2.0',
      datePublished: '2018-11-06',
      repository: 'https://github.com/citation-file-format/cff-converter-python',
      keywords: ['citation', 'bibliography', 'cff', 'CITATION.cff'],
      importedFrom: { tool: 'cff', id: '10.5281/zenodo.1162057' },
    });
    const people = software.data.creators.map((id) => catalog.records.get(id)!.data as Record<string, unknown>);
    expect(people.map((person) => person['name'])).toEqual(['Jurriaan H. Spaaks', 'Tom Klaver', 'Stefan Verhoeven', 'Stephan Druskat']);
    expect(people[3]).toMatchObject({ givenName: 'Stephan', familyName: 'Druskat', orcid: 'https://orcid.org/0000-0003-4925-7248' });
    const exported = citationCff(software, createMetadataContext(catalog.settings!, graph));
    expect(exported).toMatchObject({ title: 'cffconvert', version: '1.0.3', doi: '10.5281/zenodo.1162057', license: 'Apache-2.0', 'date-released': '2018-11-06', 'repository-code': 'https://github.com/citation-file-format/cff-converter-python' });
    expect(exported.authors[3]).toMatchObject({ 'family-names': 'Druskat', 'given-names': 'Stephan', orcid: 'https://orcid.org/0000-0003-4925-7248' });
  });

  it('matches an author to the person of the catalog with the same ORCID iD', async () => {
    const root = scratch();
    writeFileSync(join(root, 'people', 'stephan.yaml'), 'name: S. Druskat\norcid: 0000-0003-4925-7248\n');
    await importInto(root, 'cff', join(examples, 'cffconvert.cff'));
    const { catalog } = checkCatalog(root);
    const software = [...catalog.records.values()].find((record) => record.type === 'software') as CatalogRecord<'software'>;
    expect(software.data.creators.at(-1)).toBe('stephan');
  });

  it('refuses a file without repository-code (the CFF specification\'s own), naming the field', async () => {
    const root = scratch();
    const before = snapshot(root);
    const outcome = await importInto(root, 'cff', join(examples, 'citation-file-format.cff'));
    expect(outcome.problems).toEqual([expect.objectContaining({ field: 'repository-code', message: expect.stringContaining('a software record needs the URL of its code') })]);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses a file that is not YAML, with the line', async () => {
    const outcome = await importInto(scratch(), 'cff', join(examples, 'not-yaml.cff'));
    expect(outcome.problems[0]).toMatchObject({ message: expect.stringMatching(/^YAML syntax/), line: expect.any(Number) });
  });

  it('names every required CFF field that is missing', async () => {
    const source = copySource(join(examples, 'cffconvert.cff'));
    writeFileSync(source, 'cff-version: 1.2.0\ntitle: Untitled\n');
    const outcome = await importInto(scratch(), 'cff', source);
    expect(outcome.problems.map((problem) => problem.field)).toEqual(['message', 'authors']);
    expect(outcome.problems[0]!.message).toBe('message: missing (the Citation File Format requires it)');
  });
});
