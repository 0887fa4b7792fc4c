/**
 * Software records and the runs that name them: CodeMeta terms in the
 * schema.org JSON-LD, DataCite Software valid against the 4.7 XSD, BibTeX
 * @software, and a run's code resolved from its software record in every
 * export and on the model page.
 */
import { describe, expect, it } from 'vitest';
import { Cite } from '../../src/metadata/csl/citation-js.ts';
import { bibtex } from '../../src/metadata/bibtex/index.ts';
import { dataciteXml } from '../../src/metadata/datacite/xml.ts';
import { relatedIdentifiersOf } from '../../src/metadata/datacite/related-identifiers.ts';
import { descriptionsOf } from '../../src/metadata/datacite/descriptive.ts';
import { roCrate, type RoCrate } from '../../src/metadata/ro-crate/index.ts';
import { schemaOrg } from '../../src/metadata/schema-org/index.ts';
import { CODEMETA_TERMS } from '../../src/metadata/schema-org/source-code.ts';
import type { PublishedRecord } from '../../src/metadata/types.ts';
import type { CatalogRecord } from '../../src/catalog/load.ts';
import { loadSite } from '../../src/site/site.ts';
import { factsOf } from '../../src/views/facts.ts';
import { validateDataciteXml } from '../helpers/datacite-xsd.ts';
import { exampleCatalogFolder, expandSafely, expansionReport } from '../helpers/jsonld.ts';

const site = loadSite(exampleCatalogFolder);
const { context } = site;

function record(id: string): PublishedRecord {
  const found = site.published.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no published record ${id}`);
  return found;
}

function jsonLdOf(id: string): Record<string, unknown> {
  return JSON.parse(schemaOrg.render(schemaOrg.build(record(id), context))) as Record<string, unknown>;
}

describe('schema.org JSON-LD of a software record', () => {
  it('states the code with schema.org and CodeMeta 3 terms', () => {
    const document = jsonLdOf('fashion-mnist-benchmark');
    expect(document).toMatchObject({
      '@type': 'SoftwareSourceCode',
      codeRepository: 'https://github.com/zalandoresearch/fashion-mnist',
      programmingLanguage: ['Python'],
      softwareRequirements: ['numpy', 'scikit-learn'],
      license: 'https://spdx.org/licenses/MIT',
      [`${CODEMETA_TERMS}issueTracker`]: { '@id': 'https://github.com/zalandoresearch/fashion-mnist/issues' },
      [`${CODEMETA_TERMS}referencePublication`]: [{ '@id': 'https://doi.org/10.48550/arXiv.1708.07747' }],
    });
    expect(document['author']).toHaveLength(3);
  });

  it('names the commit of the version as an identifier', () => {
    expect(jsonLdOf('fashion-benchmark-code')).toMatchObject({
      version: '1.2.0',
      identifier: { '@type': 'PropertyValue', propertyID: 'git commit', value: '0e0ae9785ba3ca1198cecc30e79d2d687d865df3' },
    });
  });

  it('expands every term to schema.org or a full CodeMeta IRI, losing nothing', async () => {
    const document = jsonLdOf('fashion-mnist-benchmark');
    const report = await expansionReport(document as never);
    expect(report.droppedTerms).toEqual([]);
    expect(report.expandedValues).toBe(report.compactValues);
    const [expanded] = (await expandSafely(document)) as Record<string, unknown>[];
    expect(Object.keys(expanded!)).toEqual(
      expect.arrayContaining([
        'http://schema.org/codeRepository',
        'http://schema.org/programmingLanguage',
        'http://schema.org/softwareRequirements',
        'http://schema.org/author',
        'https://codemeta.github.io/terms/issueTracker',
        'https://codemeta.github.io/terms/referencePublication',
      ]),
    );
  });
});

describe('DataCite XML of a software record', () => {
  it.each(['fashion-mnist-benchmark', 'fashion-benchmark-code'])('%s is valid against the 4.7 XSD', async (id) => {
    const xml = dataciteXml.render(dataciteXml.build(record(id), context));
    expect(await validateDataciteXml(xml)).toEqual({ valid: true, errors: '' });
    expect(xml).toContain('<resourceType resourceTypeGeneral="Software">');
  });

  it('states the version', () => {
    expect(dataciteXml.render(dataciteXml.build(record('fashion-benchmark-code'), context))).toContain('<version>1.2.0</version>');
  });

  it('points to the repository at the commit, and states languages and requirements as technical information', () => {
    expect(relatedIdentifiersOf(record('fashion-benchmark-code'), context)).toContainEqual({
      relatedIdentifier: 'https://github.com/example-lab/fashion-benchmark/commit/0e0ae9785ba3ca1198cecc30e79d2d687d865df3',
      relatedIdentifierType: 'URL',
      relationType: 'IsSupplementTo',
      resourceTypeGeneral: 'Software',
    });
    expect(descriptionsOf(record('fashion-mnist-benchmark'), 'en', context)).toContainEqual({
      description: 'Programming languages: Python. Requirements: numpy, scikit-learn.',
      descriptionType: 'TechnicalInfo',
      lang: 'en',
    });
  });
});

describe('BibTeX of a software record', () => {
  it('is a @software entry that citation-js reads back as software', () => {
    const text = bibtex.render(bibtex.build(record('fashion-benchmark-code'), context));
    expect(text).toMatch(/^@software\{fashion-benchmark-code,\n/);
    expect(text).toContain('version = {1.2.0}');
    const [parsed] = new Cite(text).data as { type: string; version?: string }[];
    expect(parsed).toMatchObject({ type: 'software', version: '1.2.0' });
  });
});

describe('a run naming a software record as its code', () => {
  const softwarePage = context.landingUrl({ type: 'software', id: 'fashion-benchmark-code' });

  it('has the software repository as its instrument in schema.org, linked to the software record', () => {
    const [instrument] = jsonLdOf('lenet-baseline')['instrument'] as Record<string, unknown>[];
    expect(instrument).toMatchObject({
      '@id': 'https://github.com/example-lab/fashion-benchmark/blob/9fe942284745d45e80315c120b217238aad65bd2/train.py',
      codeRepository: 'https://github.com/example-lab/fashion-benchmark',
      version: '9fe942284745d45e80315c120b217238aad65bd2',
      exampleOfWork: { '@id': softwarePage },
    });
  });

  it('is compiled by the software in DataCite, and the software compiles it', () => {
    expect(relatedIdentifiersOf(record('lenet-baseline'), context)).toContainEqual({ relatedIdentifier: softwarePage, relatedIdentifierType: 'URL', relationType: 'IsCompiledBy', resourceTypeGeneral: 'Software' });
    expect(relatedIdentifiersOf(record('fashion-benchmark-code'), context)).toContainEqual(expect.objectContaining({ relatedIdentifier: context.landingUrl(record('lenet-baseline')), relationType: 'Compiles' }));
    expect(descriptionsOf(record('lenet-baseline'), 'en', context)).toContainEqual(
      expect.objectContaining({ descriptionType: 'Methods', description: expect.stringContaining('Code: Fashion-MNIST benchmark training code, https://github.com/example-lab/fashion-benchmark at commit 9fe9422') }),
    );
  });

  it('describes the software record in the project crate, as what the script is an example of', () => {
    const crate = JSON.parse(roCrate.render(roCrate.build(record('fashion-benchmark') as CatalogRecord<'project'>, context))) as RoCrate;
    const graph = crate['@graph'] as Record<string, unknown>[];
    const script = graph.find((entity) => entity['@id'] === 'https://github.com/example-lab/fashion-benchmark/blob/9fe942284745d45e80315c120b217238aad65bd2/train.py');
    expect(script).toMatchObject({ '@type': ['File', 'SoftwareSourceCode'], codeRepository: 'https://github.com/example-lab/fashion-benchmark', exampleOfWork: { '@id': softwarePage } });
    expect(graph.find((entity) => entity['@id'] === softwarePage)).toMatchObject({ '@type': ['File', 'SoftwareSourceCode'], name: 'Fashion-MNIST benchmark training code', version: '1.2.0' });
  });

  it('shows on the run page, and on the page of the model it trained', () => {
    const link = { value: 'Fashion-MNIST benchmark training code', href: '/software/fashion-benchmark-code/' };
    expect(factsOf(site.catalog.records.get('lenet-baseline') as CatalogRecord<'run'>, site)).toContainEqual({ label: 'Software', ...link });
    expect(factsOf(site.catalog.records.get('lenet-fashion') as CatalogRecord<'model'>, site)).toContainEqual({ label: 'Trained with', ...link });
  });

  it('lists the run under "Runs of this software" on the software page', () => {
    expect(site.graph.incoming('fashion-benchmark-code', 'runSoftware').map((relation) => relation.from)).toEqual(['lenet-baseline']);
  });
});
