/**
 * `npm run import -- codemeta`: real codemeta.json files (CodeMeta's own at
 * 2.0, ARTIST's at 3.0 with its `id`/`type` aliases) as software records that
 * check; bad input is refused with the field to fix.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/catalog/check.ts';
import type { CatalogRecord } from '../../src/catalog/load.ts';
import { copySource, errors, importerFixtures, importInto, scratch, snapshot } from './helpers.ts';

const examples = join(importerFixtures, 'codemeta');

function imported(root: string) {
  const { catalog } = checkCatalog(root);
  const software = [...catalog.records.values()].find((record) => record.type === 'software') as CatalogRecord<'software'>;
  const nameOf = (id: string) => (catalog.records.get(id)!.data as { name: string }).name;
  return { software, nameOf, catalog };
}

describe('codemeta.json import', () => {
  it('makes a software record of a CodeMeta 2.0 file, its authors creators and its contributors and maintainer credited', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'codemeta', join(examples, 'codemeta-2.0.json'));
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    const { software, nameOf, catalog } = imported(root);
    expect(software.data).toMatchObject({
      title: 'CodeMeta: Minimal metadata schemas for science software and code, in JSON-LD',
      version: '2.0',
      license: 'Apache-2.0',
      datePublished: '2017-06-05',
      repository: 'https://github.com/codemeta/codemeta',
      issueTracker: 'https://github.com/codemeta/codemeta/issues',
      programmingLanguages: ['JSON-LD'],
      keywords: ['metadata', 'software'],
      importedFrom: { tool: 'codemeta', id: 'https://github.com/codemeta/codemeta' },
    });
    expect(software.data.creators.map(nameOf)).toEqual(['Carl Boettiger', 'Matthew B. Jones']);
    expect(catalog.records.get(software.data.creators[0]!)!.data).toMatchObject({ orcid: 'https://orcid.org/0000-0002-1642-628X', givenName: 'Carl', familyName: 'Boettiger' });
    const contributors = software.data.contributors ?? [];
    expect(contributors).toHaveLength(19);
    expect(contributors.filter((credit) => credit.role === 'ContactPerson').map((credit) => nameOf(credit.agent))).toEqual(['Carl Boettiger']);
    expect(contributors.map((credit) => nameOf(credit.agent))).toContain('Stephan Druskat');
  });

  it('reads CodeMeta 3.0 with its id and type aliases, prefixed keys and a blank-node author', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'codemeta', join(examples, 'artist-codemeta-3.0.json'));
    expect(outcome.problems).toEqual([]);
    const { software, nameOf, catalog } = imported(root);
    expect(software.data).toMatchObject({ version: '1.0.0', license: 'MIT', programmingLanguages: ['Python'], datePublished: '2025-10-17', repository: 'https://github.com/ARTIST-Association/ARTIST' });
    expect(software.data.title).toBe('ARTIST - AI-enhanced differentiable Ray Tracer for Irradiation Prediction in Solar Tower Digital Twins');
    expect(software.data.creators.map(nameOf)).toHaveLength(10);
    const leibauer = [...catalog.records.values()].find((record) => record.type === 'person' && record.data.name === 'Moritz Leibauer')!;
    expect(leibauer.data).not.toHaveProperty('orcid');
  });

  it('matches an author to the person of the catalog with the same ORCID iD', async () => {
    const root = scratch();
    writeFileSync(join(root, 'people', 'carl.yaml'), 'name: C. Boettiger\norcid: 0000-0002-1642-628X\n');
    await importInto(root, 'codemeta', join(examples, 'codemeta-2.0.json'));
    expect(imported(root).software.data.creators[0]).toBe('carl');
  });

  it('refuses a file without codeRepository, naming the field, and writes nothing', async () => {
    const source = copySource(join(examples, 'codemeta-2.0.json'));
    writeFileSync(source, JSON.stringify({ '@context': 'https://w3id.org/codemeta/3.0', type: 'SoftwareSourceCode', name: 'No code', author: [{ type: 'Person', givenName: 'A', familyName: 'B' }] }));
    const root = scratch();
    const before = snapshot(root);
    const outcome = await importInto(root, 'codemeta', source);
    expect(outcome.problems).toEqual([expect.objectContaining({ field: 'codeRepository', message: expect.stringContaining('a software record needs the URL of its code') })]);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses what is not a codemeta.json: broken JSON at its line, another type, no name', async () => {
    expect((await importInto(scratch(), 'codemeta', join(examples, 'not-json.json'))).problems[0]).toMatchObject({ line: expect.any(Number) });
    const source = copySource(join(examples, 'codemeta-2.0.json'));
    writeFileSync(source, JSON.stringify({ '@type': 'Dataset', name: 'x' }));
    expect((await importInto(scratch(), 'codemeta', source)).problems).toEqual([expect.objectContaining({ field: 'type' })]);
    writeFileSync(source, JSON.stringify({ '@type': 'SoftwareSourceCode', codeRepository: 'https://example.org/x' }));
    expect((await importInto(scratch(), 'codemeta', source)).problems).toEqual([expect.objectContaining({ field: 'name' })]);
  });
});
