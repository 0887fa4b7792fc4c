/**
 * A workflow's Workflow RO-Crate and a workflow run's Provenance Run Crate,
 * judged by rocrate-validator's SHACL shapes for those profiles (on the
 * RO-Crate 1.2 base profile, held to version 1.1), REQUIRED and RECOMMENDED;
 * and crates broken the ways the profiles forbid, which must fail.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogRecord } from '../../src/catalog/load.ts';
import type { CrateEntity } from '../../src/metadata/ro-crate/graph.ts';
import { RO_CRATE_SPECIFICATION, type RoCrate } from '../../src/metadata/ro-crate/index.ts';
import { provenanceRunCrate } from '../../src/metadata/ro-crate/provenance-crate.ts';
import { workflowRoCrate } from '../../src/metadata/ro-crate/workflow-crate.ts';
import { exampleCatalogFolder, metadataCatalog } from '../helpers/jsonld.ts';
import { validateCrate, type CrateProfile, type ShapeResult } from '../helpers/rocrate-validator.ts';

const { context, records } = metadataCatalog(exampleCatalogFolder);
const workflow = records.find((record): record is CatalogRecord<'workflow'> => record.type === 'workflow')!;
const execution = records.find((record): record is CatalogRecord<'run'> => record.type === 'run' && record.data.workflow !== undefined)!;

type Record = CatalogRecord<'workflow'> | CatalogRecord<'run'>;

const baseOf = (record: Record) => context.exportUrl(record, 'ro-crate-metadata.json');

function shapeResults(crate: RoCrate, record: Record, profile: CrateProfile): Promise<ShapeResult[]> {
  return validateCrate(crate, { base: baseOf(record), specification: RO_CRATE_SPECIFICATION, profile });
}

function typesOf(entity: CrateEntity | undefined): string[] {
  return entity ? [entity['@type']].flat() : [];
}

/**
 * RECOMMENDED results that the catalog's facts or the profiles themselves
 * leave: each is accepted only where the crate's entity indeed lacks what
 * the shape asks for, so a fact the serializer drops still fails.
 */
const accepted: { message: RegExp; because: string; lacks(entity: CrateEntity | undefined): boolean }[] = [
  { message: /Person entity SHOULD have an ORCID/, because: 'the invented people have none', lacks: (entity) => entity?.['@id'].includes('#person-') ?? false },
  { message: /Organization entity SHOULD have a ROR/, because: 'the invented lab has none', lacks: (entity) => entity?.['@id'].includes('#organization-') ?? false },
  // Workflow RO-Crate 1.0 (on RO-Crate 1.1) asks the descriptor to conform to both; RO-Crate 1.2 to one, of its own.
  { message: /descriptor SHOULD have a single `conformsTo`|descriptor `conformsTo` URI SHOULD start with/, because: 'Workflow RO-Crate 1.0 asks for two', lacks: (entity) => [entity?.['conformsTo']].flat().length === 2 },
  // A workflow file in a repository: its size is not in the record, nor when its URL was read.
  { message: /SHOULD have a `contentSize`/, because: 'not recorded', lacks: (entity) => typesOf(entity).includes('ComputationalWorkflow') && entity?.['contentSize'] === undefined },
  { message: /SHOULD have a `sdDatePublished`/, because: 'not recorded', lacks: (entity) => typesOf(entity).includes('ComputationalWorkflow') && entity?.['sdDatePublished'] === undefined },
  // The crate is published beside the landing page, which is its human-readable description; there is no README.md.
  { message: /README\.md SHOULD/, because: 'the landing page is the README', lacks: (entity) => entity === undefined },
  // Datasets outside the run's records: the crate names them, their files are in their own exports.
  { message: /SHOULD include a `distribution`/, because: 'described in their own crates', lacks: (entity) => entity?.['distribution'] === undefined },
];

function unexplained(results: ShapeResult[], crate: RoCrate, base: string): ShapeResult[] {
  const byId = new Map(crate['@graph'].map((entity) => [new URL(entity['@id'], base).href, entity]));
  return results.filter((result) => result.level === 'must' || !accepted.some((reason) => reason.message.test(result.message) && reason.lacks(byId.get(result.focusNode))));
}

/** The crate with one entity changed (or removed, when `change` returns undefined). */
function edited(crate: RoCrate, matches: (entity: CrateEntity) => boolean, change: (entity: CrateEntity) => CrateEntity | undefined): RoCrate {
  return { ...crate, '@graph': crate['@graph'].flatMap((entity) => (matches(entity) ? (change(entity) ?? []) : [entity])) };
}

describe('the example catalog', () => {
  it('has a workflow and a run of it with a step run per step', () => {
    expect(workflow.id).toBe('fashion-benchmark-pipeline');
    expect(execution.data.workflow).toBe(workflow.id);
    const steps = records.filter((record): record is CatalogRecord<'run'> => record.type === 'run' && record.data.parent === execution.id).map((run) => run.data.step);
    expect(steps.sort()).toEqual(workflow.data.steps.map((step) => step.id).sort());
  });
});

describe('Workflow RO-Crate of a workflow', () => {
  const crate = () => JSON.parse(workflowRoCrate.render(workflowRoCrate.build(workflow, context))) as RoCrate;
  const main = (document: RoCrate) => document['@graph'].find((entity) => typesOf(entity).includes('ComputationalWorkflow'))!;

  it('passes every REQUIRED and RECOMMENDED shape of Workflow RO-Crate 1.0', { timeout: 60_000 }, async () => {
    const document = crate();
    expect(unexplained(await shapeResults(document, workflow, 'workflow-ro-crate'), document, baseOf(workflow))).toEqual([]);
  });

  it('has the workflow file as main entity, with its language, steps, tools and parameters', () => {
    const document = crate();
    const root = document['@graph'].find((entity) => entity['@id'] === './')!;
    const file = main(document);
    expect(root['mainEntity']).toEqual({ '@id': file['@id'] });
    expect(file['@id']).toBe('https://github.com/example-lab/fashion-benchmark/blob/0e0ae9785ba3ca1198cecc30e79d2d687d865df3/dvc.yaml');
    expect(typesOf(file)).toEqual(['File', 'SoftwareSourceCode', 'ComputationalWorkflow', 'HowTo']);
    const byId = new Map(document['@graph'].map((entity) => [entity['@id'], entity]));
    const language = byId.get((file['programmingLanguage'] as { '@id': string })['@id']);
    expect(language).toMatchObject({ '@type': 'ComputerLanguage', name: 'DVC pipeline', url: 'https://dvc.org/' });
    const steps = [file['step']].flat().map((step) => byId.get((step as { '@id': string })['@id'])!);
    expect(steps.map((step) => [step['name'], step['position']])).toEqual([['augment', 1], ['train', 2], ['evaluate', 3]]);
    const inputs = [file['input']].flat().map((input) => byId.get((input as { '@id': string })['@id'])!['name']);
    expect(inputs).toEqual(['Fashion-MNIST']);
  });

  it('fails the REQUIRED shapes without a language or with the main entity not a File', { timeout: 60_000 }, async () => {
    const isMain = (entity: CrateEntity) => typesOf(entity).includes('ComputationalWorkflow');
    const withoutLanguage = edited(crate(), isMain, ({ programmingLanguage: _language, ...entity }) => entity as CrateEntity);
    const notAFile = edited(crate(), isMain, (entity) => ({ ...entity, '@type': ['SoftwareSourceCode', 'ComputationalWorkflow', 'HowTo'] }));
    const messages = async (document: RoCrate) => (await shapeResults(document, workflow, 'workflow-ro-crate')).filter((result) => result.level === 'must').map((result) => result.message);
    expect(await messages(withoutLanguage)).toContain('The Main Workflow must refer to its language via programmingLanguage');
    expect(await messages(notAFile)).toContain('The Main Workflow must have types File, SoftwareSourceCode, ComputationalWorkflow');
  });
});

describe('Provenance Run Crate of a workflow run', () => {
  const crate = () => JSON.parse(provenanceRunCrate.render(provenanceRunCrate.build(execution, context))) as RoCrate;

  it('passes every REQUIRED and RECOMMENDED shape of Provenance Run Crate 0.5 (and of Process Run Crate and Workflow RO-Crate)', { timeout: 60_000 }, async () => {
    const document = crate();
    expect(unexplained(await shapeResults(document, execution, 'provenance-run-crate'), document, baseOf(execution))).toEqual([]);
  });

  it('has the run as a CreateAction of the workflow, a CreateAction and ControlAction per step run, and one OrganizeAction', () => {
    const document = crate();
    const byType = (type: string) => document['@graph'].filter((entity) => typesOf(entity).includes(type));
    const main = byType('ComputationalWorkflow')[0]!;
    const creates = byType('CreateAction');
    expect(creates.find((action) => action['@id'] === context.landingUrl(execution))?.['instrument']).toEqual({ '@id': main['@id'] });
    expect(creates).toHaveLength(4);
    expect(byType('ControlAction').map((control) => (control['instrument'] as { '@id': string })['@id'].split('#').pop())).toEqual(['step-augment', 'step-train', 'step-evaluate']);
    const [organize] = byType('OrganizeAction');
    expect(organize).toMatchObject({ instrument: { '@id': 'https://dvc.org/' }, result: { '@id': context.landingUrl(execution) } });
    expect([organize!['object']].flat()).toHaveLength(3);
  });

  it('fails the REQUIRED shapes when a ControlAction names no step or the OrganizeAction no engine', { timeout: 60_000 }, async () => {
    const noStep = edited(crate(), (entity) => entity['@type'] === 'ControlAction', ({ instrument: _step, ...entity }) => entity as CrateEntity);
    const noEngine = edited(crate(), (entity) => entity['@type'] === 'OrganizeAction', ({ instrument: _engine, ...entity }) => entity as CrateEntity);
    const messages = async (document: RoCrate) => (await shapeResults(document, execution, 'provenance-run-crate')).filter((result) => result.level === 'must').map((result) => result.message);
    expect(await messages(noStep)).toContain('A ControlAction must reference a HowToStep instance representing the corresponding workflow step via instrument');
    expect(await messages(noEngine)).toContain('An OrganizeAction must reference an entity representing the workflow engine (e.g. a SoftwareApplication) via instrument');
  });

  it('fails the REQUIRED shapes when a step of the workflow has no run in the crate (its tool is instrument of no action)', { timeout: 60_000 }, async () => {
    const trainRun = context.landingUrl({ type: 'run', id: 'fashion-benchmark-pipeline-repro-train' });
    const withoutTrain = edited(crate(), (entity) => entity['@id'] === trainRun, () => undefined);
    const results = await shapeResults(withoutTrain, execution, 'provenance-run-crate');
    expect(results.filter((result) => result.level === 'must').map((result) => result.message)).toContain('A tool must be referred to from an action via instrument');
  });
});
