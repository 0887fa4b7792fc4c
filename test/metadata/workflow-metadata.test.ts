/**
 * A workflow and its runs in DataCite (valid against the 4.7 XSD, with the
 * relations a workflow has) and in the landing page's JSON-LD (Bioschemas
 * ComputationalWorkflow, read after expansion, as a harvester does).
 */
import { describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import type { CatalogRecord } from '../../src/catalog/load.ts';
import { dataciteXml } from '../../src/metadata/datacite/xml.ts';
import { schemaOrg } from '../../src/metadata/schema-org/index.ts';
import { validateDataciteXml } from '../helpers/datacite-xsd.ts';
import { expandSafely, exampleCatalogFolder, metadataCatalog } from '../helpers/jsonld.ts';

const NS = 'http://datacite.org/schema/kernel-4';
const { context, records } = metadataCatalog(exampleCatalogFolder);
const byId = (id: string) => records.find((record) => record.id === id)!;
const workflow = byId('fashion-benchmark-pipeline') as CatalogRecord<'workflow'>;

function relatedOf(xml: string): string[] {
  const root = create(xml).root().node as unknown as Element;
  return [...root.getElementsByTagNameNS(NS, 'relatedIdentifier')].map((element) => `${element.getAttribute('relationType')} ${element.textContent}`);
}

const page = (type: string, id: string) => context.landingUrl({ type: type as 'run', id });

describe('DataCite of a workflow and its runs', () => {
  it.each(['fashion-benchmark-pipeline', 'fashion-benchmark-pipeline-repro', 'fashion-benchmark-pipeline-repro-train'])('%s is valid against the 4.7 XSD', async (id) => {
    const result = await validateDataciteXml(dataciteXml.render(dataciteXml.build(byId(id) as never, context)));
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
  });

  it('types the workflow Workflow and relates it to the software it requires, its code and its runs', () => {
    const xml = dataciteXml.render(dataciteXml.build(workflow, context));
    expect(xml).toContain('resourceTypeGeneral="Workflow"');
    expect(relatedOf(xml)).toEqual(
      expect.arrayContaining([
        `Requires ${page('software', 'fashion-mnist-benchmark')}`,
        'IsSupplementTo https://github.com/example-lab/fashion-benchmark/blob/0e0ae9785ba3ca1198cecc30e79d2d687d865df3/dvc.yaml',
        `Compiles ${page('run', 'fashion-benchmark-pipeline-repro')}`,
      ]),
    );
  });

  it('has the workflow run compiled by the workflow and the step runs part of the workflow run', () => {
    expect(relatedOf(dataciteXml.render(dataciteXml.build(byId('fashion-benchmark-pipeline-repro') as never, context)))).toEqual(
      expect.arrayContaining([`IsCompiledBy ${page('workflow', workflow.id)}`, `HasPart ${page('run', 'fashion-benchmark-pipeline-repro-train')}`]),
    );
    expect(relatedOf(dataciteXml.render(dataciteXml.build(byId('fashion-benchmark-pipeline-repro-train') as never, context)))).toContain(`IsPartOf ${page('run', 'fashion-benchmark-pipeline-repro')}`);
  });
});

type Expanded = Record<string, unknown[]>;
const BIOSCHEMAS = 'https://bioschemas.org/';
const SCHEMA = 'http://schema.org/';

describe('schema.org JSON-LD of a workflow (Bioschemas ComputationalWorkflow 1.0)', () => {
  const expanded = async () => (await expandSafely(schemaOrg.build(workflow, context)))[0] as Expanded;
  const ids = (values: unknown[] | undefined) => (values ?? []).map((value) => (value as { '@id': string })['@id']);

  it('is a ComputationalWorkflow, SoftwareSourceCode and HowTo conforming to the profile', async () => {
    const node = await expanded();
    expect(node['@type']).toEqual([`${SCHEMA}SoftwareSourceCode`, `${BIOSCHEMAS}ComputationalWorkflow`, `${SCHEMA}HowTo`]);
    expect(ids(node['http://purl.org/dc/terms/conformsTo'])).toEqual(['https://bioschemas.org/profiles/ComputationalWorkflow/1.0-RELEASE']);
  });

  it('has the minimum properties of the profile that the record holds', async () => {
    const node = await expanded();
    for (const property of ['name', 'url', 'creator', 'license', 'programmingLanguage', 'sdPublisher', 'version']) expect(node[`${SCHEMA}${property}`], property).toBeDefined();
    const [language] = node[`${SCHEMA}programmingLanguage`] as Expanded[];
    expect(language!['@type']).toEqual([`${SCHEMA}ComputerLanguage`]);
  });

  it('states inputs and outputs as FormalParameters, and the steps as HowToSteps naming their tools', async () => {
    const node = await expanded();
    const inputs = node[`${BIOSCHEMAS}ComputationalWorkflow#input`] as Expanded[];
    const outputs = node[`${BIOSCHEMAS}ComputationalWorkflow#output`] as Expanded[];
    expect(inputs.map((input) => input['@type'])).toEqual([[`${BIOSCHEMAS}FormalParameter`]]);
    expect(outputs.map((output) => (output[`${SCHEMA}name`]![0] as { '@value': string })['@value'])).toEqual(['Fashion-MNIST Augmented (clean validation split)', 'models/model.pt', 'metrics.json']);
    const steps = node[`${SCHEMA}step`] as Expanded[];
    const tools = ids(node[`${SCHEMA}hasPart`]);
    expect(steps.map((step) => ids(step[`${SCHEMA}workExample`])[0])).toEqual(tools);
  });
});
