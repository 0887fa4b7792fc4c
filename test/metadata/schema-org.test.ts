import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures } from '../helpers/catalogs.ts';
import { schemaOrg, jsonLdScript, type SchemaOrgDocument } from '../../src/metadata/schema-org/index.ts';
import type { CatalogRecord } from '../../src/catalog/load.ts';
import type { PublishedRecord } from '../../src/metadata/types.ts';
import type { MetadataContext } from '../../src/metadata/context.ts';
import {
  edgeCatalogFolder,
  exampleCatalogFolder,
  expandSafely,
  expansionReport,
  metadataCatalog,
  schemaOrgTerms,
  termsOutsideContext,
} from '../helpers/jsonld.ts';

type Node = Record<string, unknown>;


const catalogs = { example: metadataCatalog(exampleCatalogFolder), edge: metadataCatalog(edgeCatalogFolder) };

function documentOf(record: PublishedRecord, context: MetadataContext): SchemaOrgDocument {
  // Parsed from the rendered text: what a harvester reads.
  return JSON.parse(schemaOrg.render(schemaOrg.build(record, context))) as SchemaOrgDocument;
}

function asList(value: unknown): unknown[] {
  return value === undefined ? [] : [value].flat();
}

function nodes(value: unknown): Node[] {
  return asList(value).filter((item): item is Node => typeof item === 'object' && item !== null);
}

function types(node: Node): string[] {
  return asList(node['@type']) as string[];
}

/** Every value of a key anywhere in the document. */
function valuesOf(document: unknown, key: string): unknown[] {
  if (Array.isArray(document)) return document.flatMap((item) => valuesOf(item, key));
  if (typeof document !== 'object' || document === null) return [];
  return Object.entries(document).flatMap(([name, value]) => [...(name === key ? [value] : []), ...(name === '@context' ? [] : valuesOf(value, key))]);
}

describe.each(Object.entries(catalogs))('schema.org JSON-LD of the %s catalog', (_name, { context, records }) => {
  const cases = records.map((record) => [`${record.type} ${record.id}`, record] as const);

  it.each(cases)('%s expands without losing a term or a value', async (_label, record) => {
    const report = await expansionReport(documentOf(record, context));
    expect(report.droppedTerms).toEqual([]);
    expect(report.expandedValues).toBe(report.compactValues);
  });

  it.each(cases)('%s uses only terms of schema.org or of a declared prefix', (_label, record) => {
    const known = schemaOrgTerms();
    expect(termsOutsideContext(documentOf(record, context) as never, known)).toEqual([]);
  });

  it.each(cases)('%s has one context, its landing page as @id and only absolute URLs', (_label, record) => {
    const document = documentOf(record, context);
    expect(document['@context']).toEqual(['https://schema.org', expect.objectContaining({ fair4ml: 'https://w3id.org/fair4ml#', prov: 'http://www.w3.org/ns/prov#' })]);
    expect(document['@id']).toBe(context.landingUrl(record));
    expect(document['url']).toBe(context.landingUrl(record));
    for (const key of ['@id', 'url', 'contentUrl', 'license', 'sameAs', 'codeRepository']) {
      for (const value of valuesOf(document, key)) expect(String(value), key).toMatch(/^https?:\/\/\S+$/);
    }
  });

  it.each(cases)('%s is typed for its record type', (_label, record) => {
    const document = documentOf(record, context);
    const expected = { project: ['ResearchProject'], dataset: ['Dataset'], model: ['fair4ml:MLModel', 'Dataset'], run: ['CreateAction', 'prov:Activity'], software: ['SoftwareSourceCode'], workflow: ['SoftwareSourceCode', 'bioschemas:ComputationalWorkflow', 'HowTo'], instrument: ['IndividualProduct'] }[record.type];
    expect(types(document)).toEqual(expected);
    const generator = context.graph.generatorOf(record.id);
    if (generator && record.type !== 'run') {
      expect(nodes(document['prov:wasGeneratedBy'])[0]?.['@id']).toBe(context.landingUrl({ type: 'run', id: generator }));
    }
  });

  const datasets = records.filter((record): record is CatalogRecord<'dataset'> => record.type === 'dataset');

  it.each(datasets.map((record) => [record.id, record] as const))('dataset %s follows the Google Dataset Search rules', (_label, record) => {
    const document = documentOf(record, context);
    const withdrawn = record.data.status?.state === 'withdrawn';
    expect(document['name']).toBe(record.data.title);
    expect(String(document['description']).length).toBeGreaterThanOrEqual(50);
    expect(String(document['description']).length).toBeLessThanOrEqual(5000);
    const creators = nodes(document['creator']);
    expect(creators.length).toBeGreaterThan(0);
    for (const creator of creators) expect(['Person', 'Organization']).toContain(creator['@type']);
    expect(document['license']).toMatch(/^https:\/\/spdx\.org\/licenses\/[\w.+-]+$/);
    expect(document['isAccessibleForFree'] !== undefined || document['conditionsOfAccess'] !== undefined).toBe(true);
    expect(nodes(document['includedInDataCatalog'])[0]).toMatchObject({ '@type': 'DataCatalog', url: context.url('/') });
    if (record.data.doi) {
      expect(document['identifier']).toEqual({ '@type': 'PropertyValue', propertyID: 'DOI', value: record.data.doi, url: `https://doi.org/${record.data.doi}` });
    }
    const variables = record.data.variables ?? [];
    expect(nodes(document['variableMeasured']).map((variable) => [variable['@type'], variable['name']])).toEqual(variables.map((variable) => ['PropertyValue', variable.name]));
    const files = withdrawn ? [] : (record.data.files ?? []);
    const downloads = nodes(document['distribution']);
    expect(downloads).toHaveLength(files.length);
    files.forEach((file, index) => {
      expect(downloads[index]).toMatchObject({ '@type': 'DataDownload', contentUrl: file.url, contentSize: String(file.size) });
      // A gzip file also states the format inside it: F-UJI's file-format test does not open archives.
      const formats = [downloads[index]!['encodingFormat']].flat();
      expect(formats[0]).toBe(file.mediaType);
      if (/\.csv\.gz$/.test(file.name)) expect(formats).toEqual([file.mediaType, 'text/csv']);
    });
  });
});

describe('schema.org details', () => {
  const { context, records } = catalogs.edge;
  const record = (id: string) => records.find((candidate) => candidate.id === id)!;
  const document = (id: string) => documentOf(record(id), context);

  it('tombstones a withdrawn dataset: status, reason, no file to download', () => {
    const tombstone = document('edge-withdrawn');
    expect(tombstone['creativeWorkStatus']).toBe('Withdrawn');
    expect(tombstone['conditionsOfAccess']).toBe('Withdrawn on 2024-02-01: Labels were shifted by one row </script>.');
    expect(tombstone['isAccessibleForFree']).toBeUndefined();
    expect(tombstone['distribution']).toBeUndefined();
    expect(valuesOf(tombstone, 'contentUrl')).toEqual([]);
    expect(tombstone['dct:accessRights']).toEqual({ '@id': 'http://purl.org/coar/access_right/c_14cb' });
  });

  it('states restricted access with conditions, embargo end and a COAR access right', () => {
    const data = document('edge-data');
    expect(data['isAccessibleForFree']).toBe(false);
    expect(data['conditionsOfAccess']).toBe('Ask the <b>lab</b> & wait. Embargoed until 2030-01-01.');
    expect(data['dct:accessRights']).toEqual({ '@id': 'http://purl.org/coar/access_right/c_f1cf' });
  });

  it('writes checksums as schema.org sha256 and as SPDX checksums, md5 included', () => {
    const [both, md5Only] = nodes(document('edge-data')['distribution']);
    expect(both?.['sha256']).toBe('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
    expect(nodes(both?.['spdx:checksum']).map((checksum) => (checksum['spdx:algorithm'] as Node)['@id'])).toEqual([
      'http://spdx.org/rdf/terms#checksumAlgorithm_sha256',
      'http://spdx.org/rdf/terms#checksumAlgorithm_md5',
    ]);
    expect(md5Only?.['sha256']).toBeUndefined();
    expect(nodes(md5Only?.['spdx:checksum'])).toEqual([
      {
        '@type': 'spdx:Checksum',
        'spdx:algorithm': { '@id': 'http://spdx.org/rdf/terms#checksumAlgorithm_md5' },
        'spdx:checksumValue': { '@value': '098f6bcd4621d373cade4e832627b4f6', '@type': 'xsd:hexBinary' },
      },
    ]);
  });

  it('expands checksum algorithms and action statuses to their vocabulary IRIs', async () => {
    const [expanded] = (await expandSafely(document('edge-data'))) as Node[];
    const text = JSON.stringify(expanded);
    expect(text).toContain('"http://spdx.org/rdf/terms#checksumAlgorithm_md5"');
    expect(text).toContain('"http://schema.org/sha256"');
    const [run] = (await expandSafely(document('edge-run'))) as Node[];
    expect(run?.['http://schema.org/actionStatus']).toEqual([{ '@id': 'http://schema.org/FailedActionStatus' }]);
  });

  it('names coverage as an open-ended interval and a GeoShape box', () => {
    const data = document('edge-data');
    expect(data['temporalCoverage']).toBe('2020-01-01/..');
    expect(data['spatialCoverage']).toEqual({ '@type': 'Place', name: 'Providence </script>', geo: { '@type': 'GeoShape', box: '41.77 -71.47 41.86 -71.37' } });
    expect(nodes(data['variableMeasured']).find((variable) => variable['name'] === 'temperature')).toEqual({
      '@type': 'PropertyValue',
      name: 'temperature',
      description: 'Air temperature.',
      unitText: '°C',
    });
  });

  it('links derivation to catalog records and outside DOIs and URLs', () => {
    const sources = nodes(document('edge-data')['prov:wasDerivedFrom']).map((source) => source['@id']);
    expect(sources).toEqual([
      context.landingUrl({ type: 'dataset', id: 'edge-source' }),
      'https://doi.org/10.1234/edge.upstream',
      'https://example.org/upstream-data',
    ]);
    expect(nodes(document('edge-data')['isBasedOn']).map((source) => source['@id'])).toEqual(sources);
  });

  it('describes people and organizations with ORCID and ROR in sameAs and identifier', () => {
    const josiah = nodes(document('edge-data')['creator']).find((creator) => creator['name'] === 'Josiah Carberry')!;
    expect(josiah['sameAs']).toBe('https://orcid.org/0000-0002-1825-0097');
    expect(josiah['identifier']).toEqual({ '@type': 'PropertyValue', propertyID: 'ORCID', value: '0000-0002-1825-0097', url: 'https://orcid.org/0000-0002-1825-0097' });
    const brown = nodes(josiah['affiliation']).find((organization) => organization['name'] === 'Brown University')!;
    expect(brown).toMatchObject({ '@type': 'Organization', sameAs: 'https://ror.org/05gq02987' });
    const roles = nodes(document('edge-project')['contributor']).map((role) => [role['roleName'], (role['contributor'] as Node)['name']]);
    expect(roles).toContainEqual(['HostingInstitution', 'Brown University']);
  });

  it('states a model in FAIR4ML terms, with evaluation results and emissions', () => {
    const model = document('edge-model');
    expect(model['fair4ml:mlTask']).toBe('tabular-regression');
    expect(model['fair4ml:fineTunedFrom']).toEqual({ '@id': 'https://doi.org/10.1234/edge.base-model' });
    expect(nodes(model['fair4ml:trainedOn']).map((dataset) => dataset['@id'])).toEqual([
      context.landingUrl({ type: 'dataset', id: 'edge-data' }),
      'https://example.org/extra-training-data',
    ]);
    expect(nodes(model['fair4ml:evaluatedOn'])).toHaveLength(2);
    expect(nodes(model['fair4ml:evaluationMetrics'])[0]).toEqual({
      '@type': 'PropertyValue',
      name: 'rmse',
      value: 0.42,
      description: 'Edge data </script> & "quotes" \u2028 separator, test split',
    });
    expect(model['fair4ml:hasCO2eEmissions']).toMatchObject({ '@type': 'QuantitativeValue', value: 0.5, unitText: 'kg CO2e' });
    expect(nodes(model['distribution'])[0]).toMatchObject({ '@type': 'DataDownload', contentUrl: 'https://data.edge.example.org/edge-model/model.json' });
  });

  it('describes a run as an action with instrument, inputs, outputs, parameters and metrics', () => {
    const run = document('edge-run');
    expect(run['actionStatus']).toEqual({ '@id': 'http://schema.org/FailedActionStatus' });
    expect(run['creator']).toBeUndefined();
    expect(nodes(run['agent'])).toHaveLength(2);
    expect(nodes(run['instrument'])[0]).toMatchObject({ '@type': 'SoftwareApplication', '@id': `${context.landingUrl(record('edge-run'))}#software` });
    const object = nodes(run['object']);
    expect(object.map((item) => item['@id']).filter(Boolean)).toEqual([context.landingUrl({ type: 'dataset', id: 'edge-data' }), 'https://doi.org/10.1234/edge.extra-input']);
    expect(object.filter((item) => item['@type'] === 'PropertyValue').map((item) => [item['name'], item['value']])).toEqual([
      ['learning rate', 0.1],
      ['depth/max', 6],
      ['use gpu', false],
      ['objective', 'reg:squarederror'],
    ]);
    expect(nodes(run['prov:used'])).toHaveLength(2);
    const result = nodes(run['result']);
    expect(result.map((item) => item['@type'])).toEqual([['fair4ml:MLModel', 'Dataset'], 'DataDownload', 'PropertyValue', 'PropertyValue']);
    expect(nodes(run['isPartOf']).map((item) => item['@id'])).toEqual([
      context.landingUrl({ type: 'project', id: 'edge-project' }),
      context.landingUrl({ type: 'run', id: 'edge-sweep' }),
    ]);
  });

  it('points the instrument at the code at its commit', () => {
    expect(nodes(document('edge-generate')['instrument'])[0]).toMatchObject({
      '@id': 'https://github.com/edge/edge-project/blob/0123456789abcdef0123456789abcdef01234567/scripts/generate.py',
      '@type': 'SoftwareSourceCode',
      codeRepository: 'https://github.com/edge/edge-project.git',
      version: '0123456789abcdef0123456789abcdef01234567',
      programmingLanguage: 'Python 3.12.1',
    });
    // A command line is no path, and an unknown host has no commit URL scheme: a fragment keeps the id unique.
    expect(nodes(document('edge-sweep')['instrument'])[0]?.['@id']).toBe('https://git.example.org/edge/sweeps#89abcdef0123456789abcdef0123456789abcdef');
    expect(document('edge-sweep')['actionStatus']).toEqual({ '@id': 'http://schema.org/ActiveActionStatus' });
  });

  it('lists a project’s parts and funding', () => {
    const project = document('edge-project');
    const parts = nodes(project['hasPart']).map((part) => part['@id']);
    expect(parts).toContain(context.landingUrl({ type: 'dataset', id: 'edge-data' }));
    expect(parts).toContain(context.landingUrl({ type: 'run', id: 'edge-run' }));
    expect(parts).toContain('https://gitlab.com/edge/edge-project');
    expect(parts).not.toContain(context.landingUrl({ type: 'dataset', id: 'edge-source' }));
    expect(nodes(project['funding']).map((grant) => grant['identifier'])).toEqual(['EDGE-1', 'B 2']);
    expect(nodes(project['subjectOf'])).toEqual([{ '@id': 'https://doi.org/10.1234/edge.paper' }]);
    expect(nodes(project['dct:relation'])).toEqual([{ '@id': 'https://example.org/related' }]);
    expect(nodes(project['dct:requires'])).toEqual([{ '@id': 'https://doi.org/10.1234/edge.requires' }]);
  });
});

describe('schema.org of instruments and of the data they collected', () => {
  const edge = metadataCatalog(join(fixtures, 'catalogs', 'datacite-edge'));
  const example = catalogs.example;
  const documentIn = ({ context, records }: typeof example, id: string) => documentOf(records.find((record) => record.id === id)!, context);

  it('describes an instrument with Product properties, its owners from their side (owns)', async () => {
    const sensor = documentIn(edge, 'edge-sensor');
    expect(sensor['serialNumber']).toBe('SN-0042');
    expect(nodes(sensor['manufacturer']).map((agent) => agent['name'])).toEqual(['California Institute of Technology']);
    expect(sensor['model']).toEqual({ '@type': 'ProductModel', name: 'Sensor <Mk II> & co', url: 'https://sensors.example.org/models/mk-ii' });
    expect(sensor['category']).toEqual(['thermometer']);
    expect(nodes(sensor['additionalProperty']).map((property) => [property['name'], property['value']])).toEqual([
      ['Measured variable', 'air temperature'],
      ['Commissioned', '2019-05-01'],
      ['Decommissioned', '2023-12-31'],
    ]);
    // CreativeWork's credit and licence are not Product properties.
    for (const key of ['creator', 'license', 'datePublished']) expect(sensor[key], key).toBeUndefined();
    const { expanded } = await expansionReport(sensor);
    // Expanded, the owner is the subject of schema:owns, the instrument its object.
    const owners = nodes(nodes((expanded as Node[])[0]?.['@reverse'])[0]?.['http://schema.org/owns']);
    expect(owners.map((owner) => owner['@id'])).toEqual([edge.context.url('/people/josiah-carberry/')]);
  });

  it('states a collected dataset as the result of an action whose instrument is the instrument', () => {
    const dataset = documentIn(example, 'fashion-rephotographed');
    const [collection] = nodes(dataset['prov:wasGeneratedBy']);
    expect(collection).toMatchObject({
      '@id': `${example.context.landingUrl({ type: 'dataset', id: 'fashion-rephotographed' })}#data-collection`,
      '@type': ['CreateAction', 'prov:Activity'],
      result: { '@id': example.context.landingUrl({ type: 'dataset', id: 'fashion-rephotographed' }) },
    });
    expect(nodes(collection!['instrument'])).toEqual([
      { '@id': example.context.landingUrl({ type: 'instrument', id: 'vision-lab-photo-rig' }), '@type': 'IndividualProduct', name: 'Example Vision Lab garment photo rig' },
    ]);
    expect(nodes(collection!['agent']).map((agent) => agent['name'])).toEqual(['Samira Lindqvist']);
    // A dataset a run generated and an instrument collected names both, the run first.
    const derived = documentIn(edge, 'derived');
    expect(nodes(derived['prov:wasGeneratedBy']).map((activity) => activity['@id'])).toEqual([
      edge.context.landingUrl({ type: 'run', id: 'prepare' }),
      `${edge.context.landingUrl({ type: 'dataset', id: 'derived' })}#data-collection`,
    ]);
  });
});

describe('the loss check itself', () => {
  it('notices a term the context does not define', async () => {
    const report = expansionReport({ '@context': 'https://w3id.org/ro/crate/1.2/context', '@id': 'https://example.org/x', name: 'x', madeUpTerm: 'lost' });
    await expect(report).rejects.toThrow(/Safe mode/);
  });

  it('notices a value that expansion cannot keep', async () => {
    const invalid = { '@context': 'https://schema.org', '@id': 'https://example.org/x', url: 'not an IRI' };
    // Expansion keeps the relative IRI; RDF would drop it, which the report's safe toRDF step refuses.
    await expect(expansionReport(invalid)).rejects.toThrow(/Safe mode/);
  });

  it('counts coerced and typed values as the same values after expansion', async () => {
    const report = await expansionReport({
      '@context': 'https://schema.org',
      '@id': 'https://example.org/x',
      '@type': ['Dataset', 'CreativeWork'],
      datePublished: '2024-01-01',
      license: 'https://spdx.org/licenses/MIT',
      isAccessibleForFree: true,
      size: { '@value': '12', '@type': 'xsd:integer' },
    });
    expect(report).toMatchObject({ droppedTerms: [], compactValues: 7, expandedValues: 7 });
  });
});

describe('jsonLdScript', () => {
  const { context, records } = catalogs.edge;

  it.each(records.map((record) => [record.id, record] as const))('keeps %s inside its script element and parses back unchanged', (_id, record) => {
    const document = schemaOrg.build(record, context);
    const script = jsonLdScript(document);
    expect(script.toLowerCase()).not.toContain('</script');
    expect(script).not.toContain('<!--');
    expect(script).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(script)).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('escapes a hostile title', () => {
    const hostile = { name: '</script><script>alert("x")</script> & \u2028\u2029 <!-- -->' };
    const script = jsonLdScript(hostile);
    expect(script).toBe('{"name":"\\u003c/script>\\u003cscript>alert(\\"x\\")\\u003c/script> & \\u2028\\u2029 \\u003c!-- -->"}');
    expect(JSON.parse(script)).toEqual(hostile);
  });
});
