import { describe, expect, it } from 'vitest';
import { SEARCH_PARTS } from '../../src/search/fields.ts';
import { orderByRelevance, partsOf, relevanceKey, type RankedFragment } from '../../src/search/ranking.ts';

/** A fragment as Pagefind returns it: title words first, then the id, description at word 10, facts at 20. */
function fragment(url: string, title: string, locations: number[], record = 'dataset'): RankedFragment {
  return {
    url,
    meta: { title },
    filters: { record: [record] },
    anchors: [
      { id: SEARCH_PARTS.description, location: 10 },
      { id: SEARCH_PARTS.facts, location: 20 },
    ],
    locations,
  };
}

describe('relevance tiers', () => {
  it('splits words at hyphens and punctuation', () => {
    expect(partsOf('ResNet-18 sweep: lr=0.1')).toEqual(['resnet', '18', 'sweep', 'lr', '0', '1']);
  });

  it('puts title and id matches first, the title that is the query before longer ones, then description, then the rest', () => {
    const results = [
      fragment('/runs/augment/', 'Augment Fashion-MNIST', [1], 'run'),
      fragment('/datasets/derived/', 'Fashion-MNIST Augmented', [0], 'dataset'),
      fragment('/datasets/other/', 'Other', [12]),
      fragment('/datasets/fashion-mnist/', 'Fashion-MNIST', [0]),
      fragment('/models/model/', 'Model', [25]),
    ];
    const ordered = orderByRelevance('fashion-mnist', results.map((result) => ({ id: result.url })), results, new Set());
    expect(ordered.map((result) => result.id)).toEqual(['/datasets/fashion-mnist/', '/datasets/derived/', '/runs/augment/', '/datasets/other/', '/models/model/']);
  });

  it('ranks a model before the run that trained it where both titles hold the query', () => {
    const run = fragment('/runs/fine-tune/', 'Fine-tune ResNet-18 on soft labels', [0], 'run');
    const model = fragment('/models/finetuned/', 'ResNet-18 fine-tuned on crowd soft labels', [0], 'model');
    expect(relevanceKey('soft labels', run)).toMatchObject({ tier: 1, output: false });
    const ordered = orderByRelevance('soft labels', [{ id: 'run' }, { id: 'model' }], [run, model], new Set());
    expect(ordered.map((result) => result.id)).toEqual(['model', 'run']);
  });

  it('ranks a project before the software, workflow and instrument whose titles hold the query as much', () => {
    const records = [
      fragment('/software/benchmark-code/', 'Benchmark code', [0], 'software'),
      fragment('/workflows/benchmark-pipeline/', 'Benchmark pipeline', [0], 'workflow'),
      fragment('/instruments/benchmark-rig/', 'Benchmark rig', [0], 'instrument'),
      fragment('/projects/benchmark-study/', 'Benchmark study', [0], 'project'),
    ];
    const ordered = orderByRelevance('benchmark', records.map((record) => ({ id: record.url })), records, new Set());
    expect(ordered[0]!.id).toBe('/projects/benchmark-study/');
  });

  it('matches an id, stems and joined words: resnet18, augmented ~ augment', () => {
    expect(relevanceKey('resnet18-sweep-lr-0-1', fragment('/runs/resnet18-sweep-lr-0-1/', 'ResNet-18 sweep: learning rate 0.1', [8], 'run'))).toMatchObject({ tier: 1, exact: true });
    expect(relevanceKey('resnet18', fragment('/models/m/', 'ResNet-18 for Fashion-MNIST', [0]))).toMatchObject({ tier: 1 });
    expect(relevanceKey('augmented', fragment('/runs/a/', 'Augment Fashion-MNIST', [0], 'run'))).toMatchObject({ tier: 1 });
    expect(relevanceKey('noise', fragment('/datasets/n/', 'Noisy labels', [12]))).toMatchObject({ tier: 2 });
  });

  it('moves withdrawn records after all current ones, also those Pagefind ranked lower than the tiered ones', () => {
    const tiered = [fragment('/datasets/v1/', 'Data', [0]), fragment('/datasets/v2/', 'Data', [0])];
    const ordered = orderByRelevance('data', [{ id: 'v1' }, { id: 'v2' }, { id: 'later' }], tiered, new Set(['v1']));
    expect(ordered.map((result) => result.id)).toEqual(['v2', 'later', 'v1']);
  });
});
