/**
 * Failure cases: a failed run, a model's known failure modes and a dataset's
 * known problems reach every export that has room for them (DataCite
 * descriptions, validated by the 4.7 XSD; FAIR4ML's risks and limitations;
 * Croissant RAI's limitations, still valid Croissant) and the landing page;
 * an entry without `what` is refused with a message.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogRecord } from '../../src/catalog/load.ts';
import { croissant } from '../../src/metadata/croissant/index.ts';
import { dataciteXml } from '../../src/metadata/datacite/xml.ts';
import { descriptionsOf } from '../../src/metadata/datacite/descriptive.ts';
import { schemaOrg } from '../../src/metadata/schema-org/index.ts';
import type { PublishedRecord } from '../../src/metadata/types.ts';
import { failureSchema } from '../../src/schema/common/failures.ts';
import { datasetSchema } from '../../src/schema/dataset.ts';
import { failuresView } from '../../src/views/failures.ts';
import { checkCatalog } from '../../src/catalog/check.ts';
import { fixtures, scratchCatalog } from '../helpers/catalogs.ts';
import { validateDataciteXml } from '../helpers/datacite-xsd.ts';
import { exampleCatalogFolder, expansionReport, metadataCatalog, schemaOrgTerms, termsOutsideContext } from '../helpers/jsonld.ts';

const { context, records } = metadataCatalog(exampleCatalogFolder);
const record = (id: string) => records.find((candidate) => candidate.id === id)!;
const withFailures = records.filter((candidate) => 'failures' in candidate.data && candidate.data.failures?.length);
const failuresOf = (subject: PublishedRecord) => ('failures' in subject.data ? subject.data.failures! : []);

describe('failure cases in DataCite', () => {
  it('the example catalog has failures on a run, models and a dataset', () => {
    expect(new Set(withFailures.map((candidate) => candidate.type))).toEqual(new Set(['run', 'model', 'dataset']));
  });

  it.each(withFailures.map((candidate) => [candidate.id, candidate] as const))('%s states each failure as a TechnicalInfo description, valid by the 4.7 XSD', async (_id, subject) => {
    const technical = descriptionsOf(subject, 'en', context).filter((description) => description.descriptionType === 'TechnicalInfo').map((description) => description.description);
    for (const failure of failuresOf(subject)) expect(technical.some((text) => text.includes(failure.what.trim()))).toBe(true);
    const { valid, errors } = await validateDataciteXml(dataciteXml.render(dataciteXml.build(subject, context)));
    expect(errors).toBe('');
    expect(valid).toBe(true);
  });

  it('labels a run failure with what failed, its cause, lesson and links', () => {
    const [failure] = descriptionsOf(record('resnet18-sweep-lr-0-8'), 'en', context).filter((description) => description.description.startsWith('What failed:'));
    expect(failure?.description).toMatch(/^What failed: Training diverged: .* Cause: Learning rate 0\.8 .* Lesson: Keep the NaN guard: .* Examples: https:\/\/data\.heliograph\.example\.org\/runs\/resnet18-sweep-lr-0-8\/train\.log \(training log/);
  });
});

describe('failure cases in schema.org and Croissant', () => {
  it('adds a model\'s known failure modes to fair4ml:modelRisksBiasLimitations, after its limitations', async () => {
    const model = record('resnet18-fashion') as CatalogRecord<'model'>;
    const document = JSON.parse(schemaOrg.render(schemaOrg.build(model, context))) as Record<string, unknown>;
    const risks = document['fair4ml:modelRisksBiasLimitations'] as string[];
    expect(risks[0]).toBe(model.data.limitations);
    expect(risks[1]).toMatch(/^Known failure mode: Residual errors concentrate on shirt versus T-shirt\/top, pullover and coat/);
    const report = await expansionReport(document);
    expect(report.droppedTerms).toEqual([]);
  });

  it('gives a failed run\'s failures as the error of its CreateAction, with schema.org terms only', async () => {
    const document = JSON.parse(schemaOrg.render(schemaOrg.build(record('resnet18-sweep-lr-0-8'), context))) as Record<string, unknown>;
    const [error] = [document['error']].flat() as Record<string, unknown>[];
    expect(error).toMatchObject({ '@type': 'Error', name: expect.stringMatching(/^Training diverged/), description: expect.stringMatching(/^What failed: Training diverged.* Lesson: /) });
    expect(document['actionStatus']).toEqual({ '@id': 'http://schema.org/FailedActionStatus' });
    expect(termsOutsideContext(document as never, schemaOrgTerms())).toEqual([]);
    const report = await expansionReport(document);
    expect(report.droppedTerms).toEqual([]);
    expect(report.expandedValues).toBe(report.compactValues);
  });

  it('keeps a single limitation a plain string when the model has no failure modes', () => {
    const model = record('resnet18-fashion-finetuned') as CatalogRecord<'model'>;
    const document = JSON.parse(schemaOrg.render(schemaOrg.build(model, context))) as Record<string, unknown>;
    expect(document['fair4ml:modelRisksBiasLimitations']).toBe(model.data.limitations);
  });

  it('adds a dataset\'s known problems to rai:dataLimitations, and the Croissant still conforms and expands', async () => {
    const iris = record('iris') as CatalogRecord<'dataset'>;
    const document = JSON.parse(croissant.render(croissant.build(iris, context))) as Record<string, unknown>;
    const limitations = document['rai:dataLimitations'] as string[];
    expect(limitations[0]).toBe(iris.data.responsibleAI!.dataLimitations);
    expect(limitations[1]).toMatch(/^Known problem: Copies of "the Iris data" differ\. .* Examples: https:\/\/doi\.org\/10\.1109\/91\.771092 /);
    expect(document['conformsTo']).toEqual(['http://mlcommons.org/croissant/1.1', 'http://mlcommons.org/croissant/RAI/1.0']);
    const report = await expansionReport(document, { base: context.exportUrl(iris, croissant.fileName) });
    expect(report.droppedTerms).toEqual([]);
    expect(JSON.stringify(report.expanded)).toContain('http://mlcommons.org/croissant/RAI/dataLimitations');
    // Still a term the RAI vocabulary defines.
    const rai = readFileSync(join(fixtures, 'standards', 'croissant', 'vocabulary', 'croissant_rai.ttl'), 'utf8');
    expect(rai).toMatch(/^rai:dataLimitations a rdf:Property/m);
  });

  it('gives a dataset with known problems but no responsible-AI facts the RAI conformance too', () => {
    const parsed = datasetSchema.parse({ ...record('iris').data, responsibleAI: undefined });
    const iris = { ...(record('iris') as CatalogRecord<'dataset'>), data: parsed };
    const document = JSON.parse(croissant.render(croissant.build(iris, context))) as Record<string, unknown>;
    expect(document['rai:dataLimitations']).toMatch(/^Known problem: /);
    expect(document['conformsTo']).toContain('http://mlcommons.org/croissant/RAI/1.0');
  });
});

describe('failure cases on the landing page', () => {
  it('titles the section by the kind of record and keeps every part', () => {
    expect(failuresView(record('resnet18-sweep-lr-0-8'))?.heading).toBe('What failed');
    expect(failuresView(record('lenet-fashion'))?.heading).toBe('Known failure modes');
    const iris = failuresView(record('iris'))!;
    expect(iris.heading).toBe('Known problems');
    expect(iris.entries[0]).toMatchObject({ what: expect.stringContaining('sample 35'), cause: expect.any(String), lesson: expect.any(String) });
    expect(iris.entries[0]!.links.map((link) => link.url)).toEqual(['https://doi.org/10.1109/91.771092', 'https://archive.ics.uci.edu/dataset/53/iris']);
    expect(failuresView(record('resnet18-sweep-lr-0-1'))).toBeUndefined();
  });
});

describe('bad failure entries', () => {
  it('refuses an entry without "what", naming the field', () => {
    const result = failureSchema.safeParse({ cause: 'learning rate too high', lesson: 'warm up' });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: ['what'], code: 'invalid_type' })]);
  });

  it('is refused by check with the file, line and field', () => {
    const scratch = scratchCatalog(exampleCatalogFolder);
    try {
      const file = join(scratch.root, 'runs', 'resnet18-sweep-lr-0-8.yaml');
      const text = readFileSync(file, 'utf8').replace('  - what: >-\n      Training diverged', '  - whatt: >-\n      Training diverged');
      writeFileSync(file, text);
      const problems = checkCatalog(scratch.root).problems.filter((entry) => entry.severity === 'error');
      const line = text.split('\n').findIndex((row) => row.includes('whatt:')) + 1;
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'missing-field', field: 'failures[0].what', file: expect.stringMatching(/resnet18-sweep-lr-0-8\.yaml$/) }),
          expect.objectContaining({ code: 'unknown-key', line }),
        ]),
      );
    } finally {
      scratch.remove();
    }
  });

  it('refuses unknown keys and links that are not absolute URLs', () => {
    expect(failureSchema.safeParse({ what: 'diverged', why: 'lr' }).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['why'] });
    expect(failureSchema.safeParse({ what: 'diverged', links: [{ url: 'train.log' }] }).error?.issues[0]?.message).toBe('must be an absolute http(s) URL');
  });
});
