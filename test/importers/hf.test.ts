import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/catalog/check.ts';
import { copySource, errors, importerFixtures, importInto, readRecord, scratch, snapshot } from './helpers.ts';

const modelCard = join(importerFixtures, 'hf', 'distilbert-imdb');
const datasetCard = join(importerFixtures, 'hf', 'imdb');
/** A Trainer card without pipeline_tag or model-index, beside the config.json transformers wrote. */
const nerCard = join(importerFixtures, 'hf', 'bert-ner');
/** A README.md without front matter. */
const plainCard = join(importerFixtures, 'hf', 'plain-readme');

function warnings(root: string) {
  return checkCatalog(root).problems.filter((problem) => problem.severity === 'warning');
}

describe('Hugging Face cards', () => {
  it('maps a model card: licence, datasets, base model, library, task, tags and model-index results', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'hf', modelCard);
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    expect(readRecord(root, 'models/distilbert-imdb.md').data).toEqual({
      title: 'distilbert-imdb',
      description:
        'This model is a fine-tuned version of [distilbert-base-uncased](https://huggingface.co/distilbert-base-uncased) on the imdb dataset. It achieves the following results on the evaluation set:',
      creators: ['example-org'],
      keywords: ['generated_from_trainer'],
      license: 'Apache-2.0',
      task: 'text-classification',
      framework: { name: 'transformers' },
      baseModel: 'https://huggingface.co/distilbert-base-uncased',
      trainedOn: ['https://huggingface.co/datasets/imdb'],
      evaluation: [{ dataset: 'https://huggingface.co/datasets/imdb', split: 'test', metric: 'Accuracy', value: 0.93156 }],
      importedFrom: expect.objectContaining({ tool: 'hf', id: 'model/distilbert-imdb' }),
    });
    expect(outcome.notes.join('\n')).toMatch(/the catalog publisher "example-org" stands in/);
  });

  it('maps a dataset card: pretty name, licence link, task categories, source datasets and features', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'hf', join(datasetCard, 'README.md'));
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    expect(readRecord(root, 'datasets/imdb.md').data).toMatchObject({
      title: 'IMDB',
      description: expect.stringMatching(/^Large Movie Review Dataset\. This is a dataset for binary sentiment classification/),
      keywords: ['text-classification'],
      licenseUrl: 'https://ai.stanford.edu/~amaas/data/sentiment/',
      variables: [
        { name: 'text', type: 'text' },
        { name: 'label', type: 'category' },
      ],
      importedFrom: { tool: 'hf', id: 'dataset/imdb' },
    });
  });

  it('takes the task from model-index when pipeline_tag is missing, and leaves out licences without an SPDX id', async () => {
    const root = scratch();
    const source = copySource(modelCard);
    const card = join(source, 'README.md');
    writeFileSync(card, readFileSync(card, 'utf8').replace('pipeline_tag: text-classification\n', '').replace('license: apache-2.0', 'license: llama2'));
    const outcome = await importInto(root, 'hf', source);
    expect(readRecord(root, 'models/distilbert-imdb.md').data).toMatchObject({ task: 'text-classification' });
    expect(readRecord(root, 'models/distilbert-imdb.md').data['license']).toBeUndefined();
    expect(outcome.notes.join('\n')).toMatch(/licence "llama2" has no SPDX id/);
  });

  const withoutPipelineTag: [string, string, string, RegExp][] = [
    // Of two task tags, the one the Hub lists first.
    ['a tag that is a Hub pipeline type', 'tags:\n- pytorch\n- text-generation\n- text-classification\n', 'text-classification', /taken from a tag that is a Hub pipeline type/],
    ['a single-task library', 'library_name: timm\ntags:\n- image-classification-models\n', 'image-classification', /taken from library_name timm/],
  ];

  it.each(withoutPipelineTag)('takes the task from %s when pipeline_tag is missing', async (_name, frontMatter, task, note) => {
    const root = scratch();
    const source = copySource(modelCard);
    writeFileSync(join(source, 'README.md'), `---\nlicense: mit\n${frontMatter}---\n\n# A model\n\nWhat it does, in a sentence or two.\n`);
    const outcome = await importInto(root, 'hf', source);
    expect(outcome.problems).toEqual([]);
    expect(readRecord(root, 'models/distilbert-imdb.md').data['task']).toBe(task);
    expect(outcome.notes.join('\n')).toMatch(note);
  });

  it('takes the task from the transformers architecture in config.json beside the card', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'hf', nerCard);
    expect(outcome.problems).toEqual([]);
    expect(readRecord(root, 'models/bert-ner.md').data).toMatchObject({ task: 'token-classification', license: 'MIT', trainedOn: ['https://huggingface.co/datasets/conll2003'] });
    expect(outcome.notes.join('\n')).toMatch(/task "token-classification" taken from the architecture in config\.json/);
  });

  it('imports a card that names no task without one, with a note and a check warning, not an error', async () => {
    const root = scratch();
    const source = copySource(nerCard);
    rmSync(join(source, 'config.json'));
    const outcome = await importInto(root, 'hf', source);
    expect(outcome.problems).toEqual([]);
    expect(outcome.written).toBe(true);
    expect(readRecord(root, 'models/bert-ner.md').data['task']).toBeUndefined();
    expect(outcome.notes.join('\n')).toMatch(/HF model bert-ner: the card names no task .*task left out, add it by hand/);
    expect(errors(root)).toEqual([]);
    expect(warnings(root).find((problem) => problem.file.endsWith('models/bert-ner.md') && problem.message === 'no task')).toBeDefined();
  });

  it('imports a README without front matter as a model: title, description and id from heading, paragraph and folder', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'hf', plainCard);
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    expect(readRecord(root, 'models/plain-readme.md').data).toMatchObject({
      title: 'Tiny speech commands model',
      description: 'A keyword spotter trained on ten spoken words, small enough for a microcontroller.',
      importedFrom: { tool: 'hf', id: 'model/plain-readme' },
    });
    expect(outcome.notes.join('\n')).toMatch(/the card has no YAML front matter; imported as a model/);
  });

  it('is a no-op when imported again, and keeps an edited description while results change', async () => {
    const root = scratch();
    const source = copySource(modelCard);
    await importInto(root, 'hf', source);
    const before = snapshot(root);
    expect((await importInto(root, 'hf', source)).changes.map((change) => change.action)).toEqual(['unchanged']);
    expect(snapshot(root)).toEqual(before);

    const path = join(root, 'models/distilbert-imdb.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^description: .*$/m, 'description: DistilBERT fine-tuned for IMDB sentiment.'));
    const card = join(source, 'README.md');
    writeFileSync(card, readFileSync(card, 'utf8').replace('value: 0.93156', 'value: 0.9402'));
    const outcome = await importInto(root, 'hf', source);
    expect(outcome.changes[0]).toMatchObject({ action: 'updated', changed: ['evaluation'], kept: ['description'] });
    expect(readRecord(root, 'models/distilbert-imdb.md').data).toMatchObject({ description: 'DistilBERT fine-tuned for IMDB sentiment.', evaluation: [{ value: 0.9402 }] });
    expect(errors(root)).toEqual([]);
  });

  const broken: [string, (card: string) => void, RegExp][] = [
    ['bad YAML in the front matter', (card) => writeFileSync(card, '---\nlicense: mit\ntags: [a\n---\n# x\n'), /YAML syntax/],
    ['front matter that is not a mapping', (card) => writeFileSync(card, '---\n- a\n- b\n---\n# x\n'), /the front matter is not a mapping/],
    ['a missing README.md', (card) => rmSync(card), /README\.md \(the model or dataset card\) not found/],
  ];

  it.each(broken)('reports %s and writes nothing', async (_name, breakIt, message) => {
    const root = scratch();
    const source = copySource(modelCard);
    breakIt(join(source, 'README.md'));
    const before = snapshot(root);
    const outcome = await importInto(root, 'hf', source);
    expect(outcome.written).toBe(false);
    expect(outcome.problems[0]!.file).toMatch(/README\.md$/);
    expect(outcome.problems[0]!.message).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });
});
