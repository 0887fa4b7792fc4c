import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySource, errors, importerFixtures, importInto, readRecord, scratch, snapshot } from './helpers.ts';

const fixtures = join(importerFixtures, 'cwl');

describe('CWL files', () => {
  it('makes a workflow of a CWL Workflow, its steps in run order with their commands, inputs and outputs', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'cwl', join(fixtures, 'train-pipeline.cwl'));
    expect(outcome.problems).toEqual([]);
    expect(errors(root)).toEqual([]);
    expect(readRecord(root, 'workflows/fashion-mnist-training-pipeline.md').data).toMatchObject({
      title: 'Fashion-MNIST training pipeline',
      description: 'Splits the images, trains a classifier on the training split and scores it on the held-out split.',
      language: 'cwl',
      languageVersion: 'v1.2',
      file: 'train-pipeline.cwl',
      steps: [
        { id: 'split', description: 'Holds out a stratified tenth of the images.', command: 'python split.py --held-out 0.1', inputs: ['images'], outputs: ['split/training', 'split/held_out'] },
        { id: 'train', description: 'Train the classifier', command: 'python train.py', inputs: ['split/training', 'epochs'], outputs: ['train/model'] },
        { id: 'evaluate', command: 'python evaluate.py', inputs: ['train/model', 'split/held_out'], outputs: ['evaluate/scores'] },
      ],
      importedFrom: { tool: 'cwl', id: 'train-pipeline.cwl' },
    });
    expect(outcome.notes.join('\n')).toMatch(/names no repository/);
  });

  it('reads the packed form (v1.0, JSON, $graph with #main, lists with ids)', async () => {
    const root = scratch();
    await importInto(root, 'cwl', join(fixtures, 'packed.cwl'));
    expect(errors(root)).toEqual([]);
    expect(readRecord(root, 'workflows/count-lines.md').data).toMatchObject({
      languageVersion: 'v1.0',
      steps: [{ id: 'count', command: 'wc -l', inputs: ['text'], outputs: ['count/lines'] }],
    });
  });

  it('makes a CommandLineTool alone a workflow of one step', async () => {
    const root = scratch();
    const outcome = await importInto(root, 'cwl', join(fixtures, 'train.cwl'));
    expect(errors(root)).toEqual([]);
    expect(readRecord(root, 'workflows/train-the-classifier.md').data).toMatchObject({
      steps: [{ id: 'train', command: 'python train.py', inputs: ['training', 'epochs'], outputs: ['model'] }],
    });
    expect(outcome.notes.join('\n')).toMatch(/a CommandLineTool alone, imported as a workflow of one step/);
  });

  it('notes a step whose tool file is missing and imports the step without a command', async () => {
    const root = scratch();
    const source = copySource(fixtures);
    writeFileSync(join(source, 'train.cwl'), '');
    const outcome = await importInto(root, 'cwl', join(source, 'train-pipeline.cwl'));
    expect(errors(root)).toEqual([]);
    expect(outcome.notes.join('\n')).toMatch(/CWL step train: runs train.cwl, which is no CWL process this importer reads/);
  });

  const broken: [string, string, RegExp][] = [
    ['a draft version', 'cwlVersion: draft-3\nclass: Workflow\ninputs: []\noutputs: []\nsteps: []\n', /cwlVersion: must be v1\.0, v1\.1 or v1\.2/],
    ['no class', 'cwlVersion: v1.2\ninputs: []\noutputs: []\n', /class: must be Workflow, CommandLineTool/],
    ['a workflow without steps', 'cwlVersion: v1.2\nclass: Workflow\ninputs: []\noutputs: []\nsteps: []\n', /steps: the workflow has no steps/],
    ['a packed document without #main', '{"cwlVersion": "v1.2", "$graph": [{"class": "CommandLineTool", "id": "#a"}, {"class": "CommandLineTool", "id": "#b"}]}', /\$graph: a packed document needs a process with id #main/],
    ['bad YAML', 'cwlVersion: v1.2\nclass: [Workflow\n', /YAML syntax/],
  ];

  it.each(broken)('reports %s and writes nothing', async (_name, text, message) => {
    const root = scratch();
    const source = copySource(fixtures);
    const file = join(source, 'broken.cwl');
    writeFileSync(file, text);
    const before = snapshot(root);
    const outcome = await importInto(root, 'cwl', file);
    expect(outcome.written).toBe(false);
    expect(outcome.problems[0]?.file).toMatch(/broken\.cwl$/);
    expect(outcome.problems[0]?.message).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });
});
