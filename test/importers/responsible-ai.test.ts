import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/catalog/check.ts';
import { raiFromCardSections, raiFromJsonLd } from '../../src/importers/responsible-ai.ts';
import { text } from '../../src/importers/croissant/json-ld.ts';
import { responsibleAiSchema } from '../../src/schema/responsible-ai.ts';
import { copySource, importerFixtures, importInto, scratch } from './helpers.ts';

const english = (value: unknown) => text(value, 'en');

describe('responsible-AI facts read from sources', () => {
  it('reads RAI terms under rai:, the full RAI IRI and cr:, as strings, lists, @value and language maps', () => {
    const notes: string[] = [];
    const facts = raiFromJsonLd(
      {
        'rai:dataCollection': 'Scraped from product pages.',
        'http://mlcommons.org/croissant/RAI/dataBiases': [{ '@value': 'Mostly European brands.' }, 'Few children’s items.'],
        'cr:personalSensitiveInformation': { en: 'None.', de: 'Keine.' },
        'cr:dataUseCases': 'Benchmarking classifiers.',
        name: 'not an RAI term',
      },
      english,
      notes,
    );
    expect(facts).toEqual({
      dataCollection: 'Scraped from product pages.',
      dataBiases: ['Mostly European brands.', 'Few children’s items.'],
      personalSensitiveInformation: 'None.',
      dataUseCases: 'Benchmarking classifiers.',
    });
    expect(responsibleAiSchema.parse(facts)).toEqual(facts);
    expect(notes).toEqual([]);
  });

  it('leaves out values that are not text, with a note naming the property', () => {
    const notes: string[] = [];
    expect(raiFromJsonLd({ 'rai:dataLimitations': [{ '@id': '#x' }, 'Small.'], 'rai:dataSocialImpact': { '@id': '#y' } }, english, notes)).toEqual({ dataLimitations: 'Small.' });
    expect(notes).toEqual(['rai:dataLimitations: 1 value(s) that are not text left out', 'rai:dataSocialImpact: 1 value(s) that are not text left out']);
    expect(raiFromJsonLd({}, english, [])).toBeUndefined();
  });

  it("reads the Hugging Face dataset card template's sections, skipping those not filled in", () => {
    const body = [
      '# A dataset',
      '## Dataset Creation',
      '#### Initial Data Collection and Normalization',
      'Photos taken in the lab.',
      '### Annotation process',
      '[More Information Needed]',
      '### Personal and Sensitive Information',
      '<!-- filled in by the authors -->',
      'No faces are shown.',
      '### Discussion of Biases',
      'Indoor light only.',
    ].join('\n\n');
    expect(raiFromCardSections(body)).toEqual({ dataCollection: 'Photos taken in the lab.', personalSensitiveInformation: 'No faces are shown.', dataBiases: 'Indoor light only.' });
    expect(raiFromCardSections('# Nothing here\n\nJust prose.\n')).toBeUndefined();
  });

  it('a Croissant file with RAI facts under cr: imports them into a record that passes check', async () => {
    const source = copySource(join(importerFixtures, 'croissant', '1.0-minimal_recommended.json'));
    const json = JSON.parse(readFileSync(source, 'utf8')) as Record<string, unknown>;
    writeFileSync(source, JSON.stringify({ ...json, 'cr:dataCollection': 'Typed in by hand.', 'rai:dataLimitations': ['Tiny.'] }));
    const root = scratch();
    expect((await importInto(root, 'croissant', source)).problems).toEqual([]);
    const { catalog, problems } = checkCatalog(root);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const record = [...catalog.records.values()].find((candidate) => candidate.type === 'dataset' && candidate.data.importedFrom);
    expect(record?.type === 'dataset' && record.data.responsibleAI).toEqual({ dataCollection: 'Typed in by hand.', dataLimitations: 'Tiny.' });
  });

  it('a Hugging Face dataset card gives its creator tags and filled-in sections', async () => {
    const folder = join(tmpdir(), `heliograph-hf-rai-${process.pid}`, 'rai-card');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'README.md'),
      '---\npretty_name: RAI card\nlicense: mit\nannotations_creators: [crowdsourced]\nlanguage_creators: [found]\n---\n\n# RAI card\n\nA small dataset.\n\n## Considerations for Using the Data\n\n### Discussion of Biases\n\nCollected in one city.\n',
    );
    const root = scratch();
    expect((await importInto(root, 'hf', join(folder, 'README.md'))).problems).toEqual([]);
    const { catalog } = checkCatalog(root);
    const record = [...catalog.records.values()].find((candidate) => candidate.type === 'dataset' && candidate.data.importedFrom);
    expect(record?.type === 'dataset' && record.data.responsibleAI).toEqual({ dataCollectionType: 'language: found; annotations: crowdsourced', dataBiases: 'Collected in one city.' });
  });
});
