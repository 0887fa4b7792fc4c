import { describe, expect, it } from 'vitest';
import type { PublishedRecord } from '../../src/metadata/types.ts';
import { loadSite } from '../../src/site/site.ts';
import { recordPage } from '../../src/views/record-page.ts';
import { responsibleAiEntries } from '../../src/views/responsible-ai.ts';

describe('responsible-AI facts on the landing page', () => {
  it('lists each stated fact with a reader’s label, lists as several statements, in the schema’s order', () => {
    expect(responsibleAiEntries({ dataUseCases: ['Training', 'Evaluation'], dataCollection: 'Scanned.', prohibitedUses: 'Profiling people.' })).toEqual([
      { label: 'How the data was collected', statements: ['Scanned.'] },
      { label: 'Intended uses', statements: ['Training', 'Evaluation'] },
      { label: 'Uses it must not be put to', statements: ['Profiling people.'] },
    ]);
    expect(responsibleAiEntries(undefined)).toEqual([]);
  });

  it('the example dataset with RAI facts shows every one of them', async () => {
    const site = loadSite('content');
    const record = site.catalog.records.get('fashion-mnist-noisy-labels') as PublishedRecord;
    const page = await recordPage(record, site);
    const facts = record.type === 'dataset' ? record.data.responsibleAI! : {};
    expect(page.responsibleAi.map((entry) => entry.statements).flat()).toEqual(expect.arrayContaining(Object.values(facts).flat()));
    expect(page.responsibleAi).toContainEqual({ label: 'Known biases', statements: [expect.stringContaining('28×28')] });
  });
});
