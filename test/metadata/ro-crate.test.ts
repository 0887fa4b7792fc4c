import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogRecord } from '../../src/catalog/load.ts';
import type { MetadataContext } from '../../src/metadata/context.ts';
import { crateDateTime } from '../../src/metadata/ro-crate/actions.ts';
import { roCrate, type RoCrate } from '../../src/metadata/ro-crate/index.ts';
import type { CrateEntity } from '../../src/metadata/ro-crate/graph.ts';
import { fixtures } from '../helpers/catalogs.ts';
import { edgeCatalogFolder, exampleCatalogFolder, expansionReport, metadataCatalog } from '../helpers/jsonld.ts';

const catalogs = { example: metadataCatalog(exampleCatalogFolder), edge: metadataCatalog(edgeCatalogFolder) };

function crateOf(project: CatalogRecord<'project'>, context: MetadataContext): RoCrate {
  return JSON.parse(roCrate.render(roCrate.build(project, context))) as RoCrate;
}

type Value = CrateEntity[string];

function references(value: Value): string[] {
  return [value ?? []].flat().flatMap((item) => {
    const id = typeof item === 'object' && !Array.isArray(item) ? item['@id'] : undefined;
    return typeof id === 'string' ? [id] : [];
  });
}

function typesOf(entity: CrateEntity | undefined): string[] {
  return entity ? [entity['@type']].flat() : [];
}

/** A property value of a flat graph: literals and bare {"@id"} references only. */
function isFlat(value: Value): boolean {
  return [value ?? []].flat().every((item) => typeof item !== 'object' || (!Array.isArray(item) && Object.keys(item).length === 1 && typeof item['@id'] === 'string'));
}

describe.each(Object.entries(catalogs))('RO-Crate of the %s catalog', (_name, { context, records }) => {
  const projects = records.filter((record): record is CatalogRecord<'project'> => record.type === 'project');
  const cases = projects.map((project) => [project.id, project] as const);

  it('packages projects only', () => {
    expect(projects.length).toBeGreaterThan(0);
    for (const record of records) expect(roCrate.appliesTo(record)).toBe(record.type === 'project');
  });

  it.each(cases)('%s is a flat graph of uniquely identified entities', (_id, project) => {
    const crate = crateOf(project, context);
    expect(Object.keys(crate)).toEqual(['@context', '@graph']);
    expect([crate['@context']].flat()[0]).toBe('https://w3id.org/ro/crate/1.1/context');
    const ids = crate['@graph'].map((entity) => entity['@id']);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entity of crate['@graph']) {
      expect(typeof entity['@id']).toBe('string');
      expect(typesOf(entity).length).toBeGreaterThan(0);
      for (const [key, value] of Object.entries(entity)) expect(isFlat(value), `${entity['@id']} ${key}`).toBe(true);
    }
  });

  it.each(cases)('%s describes every @id it references', (_id, project) => {
    const crate = crateOf(project, context);
    const described = new Set(crate['@graph'].map((entity) => entity['@id']));
    const missing = crate['@graph'].flatMap((entity) =>
      Object.entries(entity)
        .filter(([key]) => !key.startsWith('@'))
        .flatMap(([key, value]) => references(value).map((id) => `${entity['@id']} ${key} → ${id}`)),
    );
    // Action statuses are schema.org vocabulary terms, not entities of the crate.
    expect(missing.filter((reference) => !described.has(reference.split(' → ')[1]!) && !reference.includes('→ http://schema.org/'))).toEqual([]);
  });

  it.each(cases)('%s has the metadata descriptor and a root with the required properties', (_id, project) => {
    const crate = crateOf(project, context);
    const byId = new Map(crate['@graph'].map((entity) => [entity['@id'], entity]));
    expect(byId.get('ro-crate-metadata.json')).toEqual({
      '@id': 'ro-crate-metadata.json',
      '@type': 'CreativeWork',
      conformsTo: { '@id': 'https://w3id.org/ro/crate/1.1' },
      about: { '@id': './' },
    });
    const root = byId.get('./')!;
    expect(root['@type']).toBe('Dataset');
    expect(root['name']).toBe(project.data.title);
    expect(root['description']).toBe(project.data.summary);
    expect(root['datePublished']).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(root['license']).toEqual({ '@id': `https://spdx.org/licenses/${project.data.license ?? context.settings.license}` });
    expect(root['conformsTo']).toEqual({ '@id': 'https://w3id.org/ro/wfrun/process/0.5' });
    expect(byId.get('https://w3id.org/ro/wfrun/process/0.5')).toMatchObject({ '@type': ['CreativeWork', 'Profile'], version: '0.5' });
  });

  it.each(cases)('%s links every data entity from the root through hasPart', (_id, project) => {
    const crate = crateOf(project, context);
    const byId = new Map(crate['@graph'].map((entity) => [entity['@id'], entity]));
    const reached = new Set<string>();
    const visit = (id: string) => {
      if (reached.has(id)) return;
      reached.add(id);
      references(byId.get(id)?.['hasPart']).forEach(visit);
    };
    visit('./');
    const dataEntities = crate['@graph'].filter((entity) => entity['@id'] !== './' && typesOf(entity).some((type) => type === 'Dataset' || type === 'File'));
    expect(dataEntities.filter((entity) => !reached.has(entity['@id'])).map((entity) => entity['@id'])).toEqual([]);
    for (const part of context.graph.incoming(project.id, 'partOf')) {
      const record = context.graph.records.get(part.from)!;
      if (record.type === 'dataset' || record.type === 'model') expect(reached.has(context.landingUrl(record)), record.id).toBe(true);
    }
  });

  it.each(cases)('%s describes each run as a Process Run Crate action', (_id, project) => {
    const crate = crateOf(project, context);
    const byId = new Map(crate['@graph'].map((entity) => [entity['@id'], entity]));
    const runs = context.graph
      .incoming(project.id, 'partOf')
      .map((relation) => context.graph.records.get(relation.from)!)
      .filter((record): record is CatalogRecord<'run'> => record.type === 'run');
    const mentioned = references(byId.get('./')!['mentions']);
    expect(mentioned.filter((id) => byId.get(id)?.['@type'] === 'CreateAction').sort()).toEqual(runs.map((run) => context.landingUrl(run)).sort());
    for (const run of runs) {
      const action = byId.get(context.landingUrl(run))!;
      expect(action['@type']).toBe('CreateAction');
      const [instrument] = references(action['instrument']);
      expect(typesOf(byId.get(instrument!)).some((type) => ['SoftwareSourceCode', 'SoftwareApplication'].includes(type))).toBe(true);
      expect(action['startTime']).toBe(crateDateTime(run.data.startTime));
      expect(action['endTime']).toBe(crateDateTime(run.data.endTime));
      for (const time of [action['startTime'], action['endTime']].filter(Boolean)) expect(time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?[+-]\d{2}:\d{2}$/);
      expect(references(action['agent'])).toHaveLength(run.data.agents?.length ?? 0);
      if (run.data.runStatus !== 'running') expect(action['actionStatus']).toMatch(/^http:\/\/schema\.org\/(Completed|Failed)ActionStatus$/);
      const inputs = references(action['object']).filter((id) => !typesOf(byId.get(id)).includes('PropertyValue'));
      expect(inputs).toHaveLength(run.data.inputs?.length ?? 0);
    }
  });

  it.each(cases)('%s describes the instruments that collected its datasets as RO-Crate describes equipment', (_id, project) => {
    const crate = crateOf(project, context);
    const byId = new Map(crate['@graph'].map((entity) => [entity['@id'], entity]));
    const collected = context.graph
      .incoming(project.id, 'partOf')
      .flatMap((relation) => context.graph.get(relation.from, 'dataset') ?? [])
      .filter((dataset) => dataset.data.instruments?.length);
    const mentioned = references(byId.get('./')!['mentions']);
    for (const dataset of collected) {
      const action = byId.get(`${context.landingUrl(dataset)}#data-collection`)!;
      // Action, not CreateAction: Process Run Crate requires software as the instrument of every CreateAction.
      expect(action['@type']).toBe('Action');
      expect(mentioned).toContain(action['@id']);
      expect(references(action['result'])).toEqual([context.landingUrl(dataset)]);
      for (const id of dataset.data.instruments!) {
        const instrument = context.graph.get(id, 'instrument')!;
        const equipment = byId.get(context.landingUrl(instrument))!;
        expect(references(action['instrument'])).toContain(equipment['@id']);
        expect(equipment['@type']).toBe('IndividualProduct');
        expect(references(equipment['manufacturer'])).toHaveLength(instrument.data.manufacturers.length);
        for (const owner of references(equipment['manufacturer'])) expect(byId.get(owner)).toBeDefined();
        const owners = crate['@graph'].filter((entity) => references(entity['owns']).includes(equipment['@id']));
        expect(owners).toHaveLength(instrument.data.owners.length);
      }
    }
    if (project.id === 'fashion-benchmark') expect(collected.map((dataset) => dataset.id)).toEqual(['fashion-rephotographed']);
  });

  it.each(cases)('%s identifies people by ORCID and organizations by ROR where known', (_id, project) => {
    const crate = crateOf(project, context);
    for (const entity of crate['@graph'].filter((candidate) => candidate['@type'] === 'Person' || candidate['@type'] === 'Organization')) {
      expect(entity['@id']).toMatch(/^(?:https:\/\/orcid\.org\/\d{4}-\d{4}-\d{4}-\d{3}[\dX]|https:\/\/ror\.org\/0\w{8}|#person-[a-z0-9-]+|#organization-[a-z0-9-]+)$/);
      expect(entity['name']).toBeTruthy();
    }
  });

  it.each(cases)('%s expands without losing a term or a value', async (_id, project) => {
    const crate = crateOf(project, context);
    const report = await expansionReport(crate, { base: context.exportUrl(project, roCrate.fileName) });
    expect(report.droppedTerms).toEqual([]);
    expect(report.expandedValues).toBe(report.compactValues);
    // Published beside the landing page, the crate's root "./" is the project's page.
    const ids = report.expanded.map((entity) => (entity as { '@id': string })['@id']);
    expect(ids).toContain(context.landingUrl(project));
  });
});

describe('RO-Crate details', () => {
  const { context, records } = catalogs.edge;
  const project = records.find((record) => record.id === 'edge-project') as CatalogRecord<'project'>;
  const crate = crateOf(project, context);
  const byId = new Map(crate['@graph'].map((entity) => [entity['@id'], entity]));

  it('extends the context only with the terms it uses', () => {
    const [, local] = crate['@context'] as [string, Record<string, string>];
    expect(local).toMatchObject({ MLModel: 'https://w3id.org/fair4ml#MLModel', mlTask: 'https://w3id.org/fair4ml#mlTask', md5: 'http://mlcommons.org/croissant/md5', sha256: 'http://schema.org/sha256' });
    expect(Object.keys(local)).not.toContain('fair4ml');
    const example = catalogs.example.records.find((record) => record.type === 'project') as CatalogRecord<'project'>;
    expect([crateOf(example, catalogs.example.context)['@context']].flat()).not.toContainEqual(expect.objectContaining({ md5: expect.anything() }));
  });

  it('uses ORCID and ROR as ids and local ids otherwise', () => {
    expect(byId.get('https://orcid.org/0000-0002-1825-0097')).toMatchObject({
      '@type': 'Person',
      affiliation: [{ '@id': 'https://ror.org/05gq02987' }, { '@id': '#organization-edge-lab' }],
    });
    expect(byId.get('#person-ada-ohara')).toMatchObject({ '@type': 'Person', name: 'Ada "Quote" O\'Hara </script><!--' });
    expect(byId.get('https://ror.org/05gq02987')).toMatchObject({ '@type': 'Organization', name: 'Brown University' });
  });

  it('lists files as web-based File entities inside their dataset, except those of a withdrawn dataset', () => {
    const data = byId.get(context.landingUrl({ type: 'dataset', id: 'edge-data' }))!;
    expect(references(data['hasPart'])).toEqual([
      'https://data.edge.example.org/edge-data/table.csv',
      'https://data.edge.example.org/edge-data/copy/table.csv',
      'https://data.edge.example.org/edge-data/images.zip',
    ]);
    expect(byId.get('https://data.edge.example.org/edge-data/copy/table.csv')).toMatchObject({ '@type': ['File', 'DataDownload'], md5: '098f6bcd4621d373cade4e832627b4f6', contentSize: '12345' });
    expect(byId.get('https://data.edge.example.org/edge-data/table.csv')).toMatchObject({ encodingFormat: 'text/csv', sdDatePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}/) });
    expect(references(data['distribution'])).toEqual(references(data['hasPart']));
    const withdrawn = byId.get(context.landingUrl({ type: 'dataset', id: 'edge-withdrawn' }))!;
    expect(withdrawn['creativeWorkStatus']).toBe('Withdrawn');
    expect(withdrawn['hasPart']).toBeUndefined();
    expect(byId.has('https://data.edge.example.org/edge-withdrawn/old.csv')).toBe(false);
  });

  it('gives a run without recorded code its software environment as instrument', () => {
    const action = byId.get(context.landingUrl({ type: 'run', id: 'edge-run' }))!;
    const instrument = byId.get(references(action['instrument'])[0]!)!;
    expect(instrument).toMatchObject({ '@type': 'SoftwareApplication', name: 'Software environment of Edge run </script> \u2028' });
    expect(instrument).toMatchObject({ url: context.landingUrl({ type: 'run', id: 'edge-run' }), version: expect.any(String) });
    expect(action['actionStatus']).toBe('http://schema.org/FailedActionStatus');
    const parameter = byId.get(`${context.landingUrl({ type: 'run', id: 'edge-run' })}#parameter-learning%20rate`);
    expect(parameter).toEqual({ '@id': expect.any(String), '@type': 'PropertyValue', name: 'learning rate', value: 0.1 });
    expect(references(action['result'])).toContain('https://data.edge.example.org/edge-run/log.txt');
  });

  it('describes outside inputs briefly and outside references as creative works', () => {
    const source = byId.get(context.landingUrl({ type: 'dataset', id: 'edge-source' }))!;
    expect(source).toMatchObject({ '@type': 'Dataset', name: 'Edge source data outside the project' });
    expect(source['hasPart']).toBeUndefined();
    expect(byId.get('https://doi.org/10.1234/edge.base-model')).toEqual({ '@id': 'https://doi.org/10.1234/edge.base-model', '@type': 'CreativeWork', name: '10.1234/edge.base-model' });
  });

  it('states funding as grants of described funders', () => {
    const root = byId.get('./')!;
    const grants = references(root['funding']).map((id) => byId.get(id)!);
    expect(grants.map((grant) => [grant['@id'], grant['identifier']])).toEqual([
      ['https://edge.example.org/awards/EDGE-1', 'EDGE-1'],
      [`${context.landingUrl(project)}#grant-2`, 'B 2'],
    ]);
    expect(references(root['funder'])).toEqual(['#organization-edge-lab', 'https://ror.org/05gq02987']);
  });
});

describe('RO-Crate times', () => {
  it.each([
    ['2024-03-01T09:30:00Z', '2024-03-01T09:30:00+00:00'],
    ['2024-03-01T09:30Z', '2024-03-01T09:30:00+00:00'],
    ['2024-03-01T09:30:00.123456Z', '2024-03-01T09:30:00.123+00:00'],
    ['2024-03-01T09:30:00.5+0200', '2024-03-01T09:30:00.500+02:00'],
    ['2024-03-01T09:30:00-05:00', '2024-03-01T09:30:00-05:00'],
    ['2024-03-01', '2024-03-01'],
  ])('%s → %s', (input, expected) => expect(crateDateTime(input)).toBe(expected));
});

describe('the RO-Crate checks on the specification’s own examples', () => {
  it.each(['rainfall-1.2.0.json', 'process-run-crate-0.5-example1.json'])('%s expands without loss', async (file) => {
    const crate = JSON.parse(readFileSync(join(fixtures, 'standards', 'ro-crate', 'examples', file), 'utf8')) as object;
    const report = await expansionReport(crate, { base: 'https://example.org/crate/ro-crate-metadata.json' });
    expect(report.droppedTerms).toEqual([]);
    expect(report.expandedValues).toBe(report.compactValues);
  });
});
