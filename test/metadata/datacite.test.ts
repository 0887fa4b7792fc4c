/**
 * DataCite exports: every published record of the example catalog and of an
 * edge-case fixture must give XML that the official 4.7 XSD accepts, and the
 * mappings that matter for citation and provenance must be there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metadataCatalog, type MetadataCatalog } from '../helpers/catalogs.ts';
import { create } from 'xmlbuilder2';
import { validateDataciteXml } from '../helpers/datacite-xsd.ts';
import { dataciteJson, type DataciteDoiPayload } from '../../src/metadata/datacite/json.ts';
import { relationTypes, resourceTypes } from '../../src/metadata/datacite/resource.ts';
import { dataciteXml } from '../../src/metadata/datacite/xml.ts';
import { publishedTypes } from '../../src/schema/index.ts';
import { vocabulary } from '../../src/schema/vocabularies.ts';

const NS = 'http://datacite.org/schema/kernel-4';
const KERNEL = 'test/fixtures/standards/datacite-kernel-4.7';
const validate = validateDataciteXml;

type Loaded = MetadataCatalog;
const load = metadataCatalog;

const catalogs = { example: load('content'), edge: load('test/fixtures/catalogs/datacite-edge') };

function xmlOf(loaded: Loaded, id: string): string {
  const record = loaded.records.find((candidate) => candidate.id === id);
  if (!record) throw new Error(`no published record ${id}`);
  return dataciteXml.render(dataciteXml.build(record, loaded.context));
}

function jsonOf(loaded: Loaded, id: string): DataciteDoiPayload {
  const record = loaded.records.find((candidate) => candidate.id === id)!;
  return JSON.parse(dataciteJson.render(dataciteJson.build(record, loaded.context))) as DataciteDoiPayload;
}

/** Parses the XML back, so assertions see what a harvester sees after unescaping. */
function parse(xml: string): Element {
  return create(xml).root().node as unknown as Element;
}

function elements(root: Element, name: string): Element[] {
  return [...root.getElementsByTagNameNS(NS, name)];
}

function related(root: Element): { id: string; type: string; relation: string }[] {
  return elements(root, 'relatedIdentifier').map((element) => ({
    id: element.textContent ?? '',
    type: element.getAttribute('relatedIdentifierType') ?? '',
    relation: element.getAttribute('relationType') ?? '',
  }));
}

describe('the XSD validator', () => {
  it('accepts an official DataCite 4.7 example', async () => {
    const xml = readFileSync(join(KERNEL, 'examples/datacite-example-full-v4.xml'), 'utf8');
    const result = await validate(xml);
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
  });

  it('rejects a document without a publisher', async () => {
    const xml = readFileSync(join(KERNEL, 'examples/datacite-example-project-v4.xml'), 'utf8').replace(/<publisher\b[^>]*>[^<]*<\/publisher>/, '');
    expect(xml).not.toContain('<publisher');
    const result = await validate(xml);
    expect(result.valid).toBe(false);
    expect(result.errors).toMatch(/publisher/);
  });
});

describe.each(Object.entries(catalogs))('DataCite XML of every published record (%s catalog)', (_name, loaded) => {
  it('has records of every published type', () => {
    expect(new Set(loaded.records.map((record) => record.type))).toEqual(new Set(publishedTypes));
  });

  it.each(loaded.records.map((record) => [`${record.type} ${record.id}`, record] as const))('%s validates against the 4.7 XSD', async (_label, record) => {
    const xml = dataciteXml.render(dataciteXml.build(record, loaded.context));
    const result = await validate(xml);
    expect(result.errors, xml).toBe('');
    expect(result.valid).toBe(true);
  });

  it.each(loaded.records.map((record) => [`${record.type} ${record.id}`, record] as const))('%s: JSON says what the XML says', (_label, record) => {
    const root = parse(dataciteXml.render(dataciteXml.build(record, loaded.context)));
    const { data } = JSON.parse(dataciteJson.render(dataciteJson.build(record, loaded.context))) as DataciteDoiPayload;
    expect(data.type).toBe('dois');
    expect(data.attributes.url).toBe(loaded.context.landingUrl(record));
    expect(data.attributes.types.resourceTypeGeneral).toBe(resourceTypes[record.type].resourceTypeGeneral);
    expect(data.attributes.schemaVersion).toBe(NS);
    expect(data.attributes.creators).toHaveLength(elements(root, 'creator').length);
    expect(data.attributes.relatedIdentifiers).toHaveLength(elements(root, 'relatedIdentifier').length);
    expect(data.attributes.titles[0]?.title).toBe(elements(root, 'title')[0]?.textContent);
  });
});

describe('DataCite mappings (example catalog)', () => {
  const example = catalogs.example;

  it('identifies a person by ORCID and the affiliation by name or ROR', () => {
    const root = parse(xmlOf(example, 'fashion-mnist-augmented'));
    const carberry = elements(root, 'creator').find((creator) => elements(creator, 'familyName')[0]?.textContent === 'Carberry');
    expect(carberry).toBeDefined();
    expect(elements(carberry!, 'creatorName')[0]?.textContent).toBe('Carberry, Josiah');
    expect(elements(carberry!, 'creatorName')[0]?.getAttribute('nameType')).toBe('Personal');
    const orcid = elements(carberry!, 'nameIdentifier')[0];
    expect(orcid?.textContent).toBe('https://orcid.org/0000-0002-1825-0097');
    expect(orcid?.getAttribute('nameIdentifierScheme')).toBe('ORCID');
    expect(orcid?.getAttribute('schemeURI')).toBe('https://orcid.org');
    expect(elements(carberry!, 'affiliation')[0]?.textContent).toBe('Example Vision Lab');
  });

  it.each([
    ['fashion-benchmark', 'Project'],
    ['fashion-mnist', 'Dataset'],
    ['resnet18-fashion', 'Model'],
    ['lenet-baseline', 'Other'],
  ])('%s has resourceTypeGeneral %s', (id, general) => {
    const resourceType = elements(parse(xmlOf(example, id)), 'resourceType')[0];
    expect(resourceType?.getAttribute('resourceTypeGeneral')).toBe(general);
    if (general === 'Other') expect(resourceType?.textContent).toBe('Training run');
  });

  it('states a derived dataset IsDerivedFrom its source, and the source IsSourceOf it', () => {
    const derived = related(parse(xmlOf(example, 'fashion-mnist-augmented')));
    expect(derived).toContainEqual({ id: 'https://heliograph.example.org/datasets/fashion-mnist/', type: 'URL', relation: 'IsDerivedFrom' });
    const source = related(parse(xmlOf(example, 'fashion-mnist')));
    expect(source).toContainEqual({ id: '10.5072/heliograph.fashion-mnist-augmented', type: 'DOI', relation: 'IsSourceOf' });
  });

  it('states a model IsCompiledBy the run that produced it, and the run Compiles it', () => {
    const model = related(parse(xmlOf(example, 'resnet18-fashion')));
    expect(model).toContainEqual({ id: 'https://heliograph.example.org/runs/resnet18-sweep-lr-0-1/', type: 'URL', relation: 'IsCompiledBy' });
    const run = related(parse(xmlOf(example, 'resnet18-sweep-lr-0-1')));
    expect(run).toContainEqual({ id: '10.5072/heliograph.resnet18-fashion', type: 'DOI', relation: 'Compiles' });
    expect(run).toContainEqual({ id: 'https://heliograph.example.org/runs/resnet18-sweep/', type: 'URL', relation: 'IsPartOf' });
  });

  it('dates the withdrawal, explains it, and links the withdrawn version to its successor', () => {
    const root = parse(xmlOf(example, 'fashion-mnist-augmented-v1'));
    const withdrawn = elements(root, 'date').find((date) => date.getAttribute('dateType') === 'Withdrawn');
    expect(withdrawn?.textContent).toBe('2024-03-08');
    const note = elements(root, 'description').find((description) => description.getAttribute('descriptionType') === 'Other');
    expect(note?.textContent).toMatch(/^This dataset was withdrawn on 2024-03-08\. The validation split/);
    expect(related(root)).toContainEqual({ id: '10.5072/heliograph.fashion-mnist-augmented', type: 'DOI', relation: 'IsPreviousVersionOf' });
    expect(related(parse(xmlOf(example, 'fashion-mnist-augmented')))).toContainEqual({
      id: '10.5072/heliograph.fashion-mnist-augmented-v1',
      type: 'DOI',
      relation: 'IsNewVersionOf',
    });
  });

  it('gives the project HasPart for its members and its funding with award', () => {
    const root = parse(xmlOf(example, 'fashion-benchmark'));
    expect(related(root)).toContainEqual({ id: '10.5072/heliograph.resnet18-fashion', type: 'DOI', relation: 'HasPart' });
    const funding = elements(root, 'fundingReference')[0]!;
    expect(elements(funding, 'funderName')[0]?.textContent).toBe('Example Research Foundation');
    expect(elements(funding, 'awardNumber')[0]?.getAttribute('awardURI')).toBe('https://foundation.example.org/awards/ERF-2023-0417');
  });

  it('uses the proposed DOI for a record without one, and the JSON payload is ready to create the draft', () => {
    const root = parse(xmlOf(example, 'fashion-mnist'));
    const identifier = elements(root, 'identifier')[0];
    expect(identifier?.getAttribute('identifierType')).toBe('DOI');
    expect(identifier?.textContent).toBe('10.5072/fashion-mnist');
    const { attributes } = jsonOf(example, 'fashion-mnist').data;
    expect(attributes.doi).toBe('10.5072/fashion-mnist');
    expect(attributes.prefix).toBe('10.5072');
    expect(attributes.publicationYear).toBe(2017);
    expect(jsonOf(example, 'resnet18-fashion').data.attributes).not.toHaveProperty('prefix');
  });

  it('describes the SPDX licence as rights', () => {
    const rights = elements(parse(xmlOf(example, 'resnet18-fashion')), 'rights')[0];
    expect(rights?.getAttribute('rightsIdentifier')).toBe('Apache-2.0');
    expect(rights?.getAttribute('rightsIdentifierScheme')).toBe('SPDX');
    expect(rights?.getAttribute('rightsURI')).toBe('https://spdx.org/licenses/Apache-2.0');
    expect(rights?.getAttribute('schemeURI')).toBe('https://spdx.org/licenses/');
  });
});

describe('DataCite mappings (edge-case catalog)', () => {
  const edge = catalogs.edge;

  it('escapes a hostile title and it round-trips', () => {
    const xml = xmlOf(edge, 'hostile');
    expect(xml).not.toContain('</script>');
    expect(xml).not.toContain('<b>');
    const root = parse(xml);
    expect(elements(root, 'title')[0]?.textContent).toBe('Hostile </script> & "quotes" <b> title');
    expect(elements(root, 'subject').map((subject) => subject.textContent)).toEqual(['<b>bold</b>', 'a & b']);
    expect(jsonOf(edge, 'hostile').data.attributes.titles[0]?.title).toBe('Hostile </script> & "quotes" <b> title');
  });

  it('drops characters XML cannot carry instead of breaking the document', () => {
    const abstract = elements(parse(xmlOf(edge, 'hostile')), 'description')[0]?.textContent ?? '';
    expect(abstract).toContain('a bell  character');
    expect(abstract).toContain('🧪');
    expect(abstract).not.toContain('\u0007');
  });

  it('uses the landing URL as identifier when the catalog has no DOI prefix', () => {
    const root = parse(xmlOf(edge, 'derived'));
    const identifier = elements(root, 'identifier')[0];
    expect(identifier?.getAttribute('identifierType')).toBe('URL');
    expect(identifier?.textContent).toBe('https://edge.example.org/catalog/datasets/derived/');
    expect(elements(root, 'alternateIdentifier')).toHaveLength(0);
    const { attributes } = jsonOf(edge, 'derived').data;
    expect(attributes).not.toHaveProperty('doi');
    expect(attributes).not.toHaveProperty('prefix');
  });

  it('identifies the ROR publisher and a ROR affiliation', () => {
    const root = parse(xmlOf(edge, 'hostile'));
    const publisher = elements(root, 'publisher')[0];
    expect(publisher?.textContent).toBe('California Institute of Technology');
    expect(publisher?.getAttribute('publisherIdentifier')).toBe('https://ror.org/05dxps055');
    expect(publisher?.getAttribute('publisherIdentifierScheme')).toBe('ROR');
    const affiliation = elements(root, 'affiliation').find((element) => element.getAttribute('affiliationIdentifier'));
    expect(affiliation?.textContent).toBe('California Institute of Technology');
    expect(affiliation?.getAttribute('affiliationIdentifierScheme')).toBe('ROR');
    expect(affiliation?.getAttribute('schemeURI')).toBe('https://ror.org');
  });

  it('keeps a single-name person as one name and an organization as Organizational', () => {
    const creators = elements(parse(xmlOf(edge, 'hostile')), 'creatorName').map((name) => [name.textContent, name.getAttribute('nameType')]);
    expect(creators).toEqual([
      ['Carberry, Josiah', 'Personal'],
      ['Plato', 'Personal'],
    ]);
    const organization = elements(parse(xmlOf(edge, 'withdrawn')), 'creator')[0]!;
    expect(elements(organization, 'creatorName')[0]?.getAttribute('nameType')).toBe('Organizational');
    expect(elements(organization, 'nameIdentifier')[0]?.getAttribute('nameIdentifierScheme')).toBe('ROR');
  });

  it('gives external sources as DOI or URL, a doi.org URL as DOI', () => {
    const sources = related(parse(xmlOf(edge, 'hostile'))).filter((relation) => relation.relation === 'IsDerivedFrom');
    expect(sources).toEqual([
      { id: '10.5061/dryad.example', type: 'DOI', relation: 'IsDerivedFrom' },
      { id: '10.5281/zenodo.1234567', type: 'DOI', relation: 'IsDerivedFrom' },
      { id: 'https://example.org/raw-data?x=1&y=2', type: 'URL', relation: 'IsDerivedFrom' },
    ]);
  });

  it('states provenance stated on one side only on both sides, once', () => {
    const model = related(parse(xmlOf(edge, 'edge-model')));
    expect(model).toContainEqual({ id: 'https://edge.example.org/catalog/runs/train/', type: 'URL', relation: 'IsCompiledBy' });
    expect(model).toContainEqual({ id: '10.5281/zenodo.7654321', type: 'DOI', relation: 'IsDerivedFrom' });
    // derived states generatedBy: prepare, and prepare states derived as output.
    const run = related(parse(xmlOf(edge, 'prepare')));
    expect(run.filter((relation) => relation.relation === 'Compiles')).toEqual([
      { id: 'https://edge.example.org/catalog/datasets/derived/', type: 'URL', relation: 'Compiles' },
    ]);
    expect(run).toContainEqual({ id: '10.5072/edge.hostile', type: 'DOI', relation: 'References' });
  });

  it('mirrors a relatedIdentifier stated about another catalog record', () => {
    expect(related(parse(xmlOf(edge, 'hostile')))).toContainEqual({
      id: 'https://edge.example.org/catalog/datasets/withdrawn/',
      type: 'URL',
      relation: 'Obsoletes',
    });
    expect(related(parse(xmlOf(edge, 'withdrawn')))).toContainEqual({ id: '10.5072/edge.hostile', type: 'DOI', relation: 'IsObsoletedBy' });
  });

  it('maps dates, coverage, places, sizes and access rights of a dataset', () => {
    const root = parse(xmlOf(edge, 'hostile'));
    const dates = Object.fromEntries(elements(root, 'date').map((date) => [date.getAttribute('dateType'), date.textContent]));
    expect(dates).toEqual({ Issued: '2024-02-01', Updated: '2024-02-15', Coverage: '2023-06-01/', Available: '2025-01-01' });
    expect(elements(root, 'geoLocationPlace')[0]?.textContent).toBe('Pasadena, California & surroundings');
    const box = elements(root, 'geoLocationBox')[0]!;
    expect(elements(box, 'westBoundLongitude')[0]?.textContent).toBe('-118.2');
    expect(elements(box, 'northBoundLatitude')[0]?.textContent).toBe('34.2');
    expect(elements(root, 'size').map((size) => size.textContent)).toEqual(['3072 bytes', '2 files']);
    expect(elements(root, 'format').map((format) => format.textContent)).toEqual(['text/csv', 'application/vnd.apache.parquet']);
    expect(elements(root, 'rights').map((rights) => rights.getAttribute('rightsURI'))).toEqual([
      'https://spdx.org/licenses/MIT',
      'info:eu-repo/semantics/embargoedAccess',
    ]);
  });

  it('credits a run without agents to the publisher and dates its creation', () => {
    const root = parse(xmlOf(edge, 'prepare'));
    expect(elements(root, 'creatorName')[0]?.textContent).toBe('California Institute of Technology');
    const created = elements(root, 'date').find((date) => date.getAttribute('dateType') === 'Created');
    expect(created?.textContent).toBe('2024-02-20T10:00:00Z');
    expect(elements(root, 'publicationYear')[0]?.textContent).toBe('2024');
  });

  it('writes funding with and without ROR, and repeats the project funding on its parts', () => {
    for (const id of ['edge-project', 'hostile', 'train']) {
      const funding = elements(parse(xmlOf(edge, id)), 'fundingReference');
      expect(funding.map((reference) => elements(reference, 'funderName')[0]?.textContent)).toEqual([
        'California Institute of Technology',
        'Edge & Corner Fund',
      ]);
      expect(elements(funding[0]!, 'funderIdentifier')[0]?.getAttribute('funderIdentifierType')).toBe('ROR');
      expect(elements(funding[1]!, 'funderIdentifier')).toHaveLength(0);
      expect(elements(funding[1]!, 'awardNumber')[0]?.getAttribute('awardURI')).toBe('https://fund.example.org/awards/no-number');
    }
  });
});

describe('DataCite of instruments, as DataCite maps PIDINST', () => {
  const rig = () => parse(xmlOf(catalogs.example, 'vision-lab-photo-rig'));
  const sensor = () => parse(xmlOf(catalogs.edge, 'edge-sensor'));

  it('is an Instrument made by its manufacturers and hosted by its owners', () => {
    const root = sensor();
    expect(elements(root, 'resourceType')[0]?.getAttribute('resourceTypeGeneral')).toBe('Instrument');
    const creator = elements(root, 'creator')[0]!;
    expect(elements(creator, 'creatorName')[0]?.textContent).toBe('California Institute of Technology');
    expect(elements(creator, 'creatorName')[0]?.getAttribute('nameType')).toBe('Organizational');
    const contributors = elements(root, 'contributor');
    expect(contributors.map((contributor) => [contributor.getAttribute('contributorType'), elements(contributor, 'contributorName')[0]?.textContent])).toEqual([
      ['HostingInstitution', 'Carberry, Josiah'],
    ]);
  });

  it('dates commissioning and decommissioning as Other with dateInformation (the 4.7 dateType list has no Commissioned)', () => {
    const dates = elements(sensor(), 'date').map((date) => [date.getAttribute('dateType'), date.getAttribute('dateInformation'), date.textContent]);
    expect(dates).toEqual([
      ['Other', 'Commissioned', '2019-05-01'],
      ['Other', 'Decommissioned', '2023-12-31'],
    ]);
    expect(jsonOf(catalogs.edge, 'edge-sensor').data.attributes.dates).toContainEqual({ date: '2019-05-01', dateType: 'Other', dateInformation: 'Commissioned' });
  });

  it('states model, type and measured variables as TechnicalInfo, the types as subjects, the model identifier IsDescribedBy', () => {
    const root = sensor();
    const technical = elements(root, 'description').find((description) => description.getAttribute('descriptionType') === 'TechnicalInfo');
    expect(technical?.textContent).toBe('Model Name: Sensor <Mk II> & co (https://sensors.example.org/models/mk-ii). Instrument type: thermometer. Measured variables: air temperature.');
    expect(elements(root, 'subject').map((subject) => subject.textContent)).toContain('thermometer');
    expect(related(root)).toContainEqual({ id: 'https://sensors.example.org/models/mk-ii', type: 'URL', relation: 'IsDescribedBy' });
  });

  it('gives serial and inventory numbers as alternate identifiers', () => {
    const alternates = (root: Element) => elements(root, 'alternateIdentifier').map((element) => [element.getAttribute('alternateIdentifierType'), element.textContent]);
    expect(alternates(sensor())).toEqual([['SerialNumber', 'SN-0042']]);
    // The example catalog has a DOI prefix: the landing page comes first, as for every record.
    expect(alternates(rig())).toEqual([
      ['URL', 'https://heliograph.example.org/instruments/vision-lab-photo-rig/'],
      ['InventoryNumber', 'EVL-RIG-002'],
    ]);
  });

  it('links a dataset IsCollectedBy its instrument, and the instrument Collects it', () => {
    expect(related(parse(xmlOf(catalogs.example, 'fashion-rephotographed')))).toContainEqual({
      id: 'https://heliograph.example.org/instruments/vision-lab-photo-rig/',
      type: 'URL',
      relation: 'IsCollectedBy',
    });
    const collected = elements(rig(), 'relatedIdentifier').find((element) => element.getAttribute('relationType') === 'Collects');
    expect(collected?.textContent).toBe('https://heliograph.example.org/datasets/fashion-rephotographed/');
    expect(collected?.getAttribute('resourceTypeGeneral')).toBe('Dataset');
    const dataset = elements(parse(xmlOf(catalogs.edge, 'derived')), 'relatedIdentifier').find((element) => element.getAttribute('relationType') === 'IsCollectedBy');
    expect(dataset?.getAttribute('resourceTypeGeneral')).toBe('Instrument');
  });

  it('the XSD refuses a date type the 4.7 list lacks, so Other is needed', async () => {
    const xml = xmlOf(catalogs.edge, 'edge-sensor').replace('dateType="Other"', 'dateType="Commissioned"');
    const result = await validate(xml);
    expect(result.valid).toBe(false);
    expect(result.errors).toMatch(/Commissioned/);
  });
});

describe('DataCite mapping tables', () => {
  it('use only relation and resource types of the 4.7 vocabulary', () => {
    for (const pair of Object.values(relationTypes)) {
      expect(vocabulary.relationType).toContain(pair.forward);
      expect(vocabulary.relationType).toContain(pair.inverse);
    }
    for (const { resourceTypeGeneral } of Object.values(resourceTypes)) expect(vocabulary.resourceTypeGeneral).toContain(resourceTypeGeneral);
  });
});
