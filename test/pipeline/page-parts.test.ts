import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationsOf, formatCitationsInBackground } from '../../src/site/citations.ts';
import { loadSite } from '../../src/site/site.ts';

const WORKER = resolve('src/site/citation-worker.ts');

describe('citations for the Cite this boxes', () => {
  it('come out of the worker exactly as formatted in the page’s own thread', async () => {
    const inThread = loadSite('content');
    const inWorker = loadSite('content');
    formatCitationsInBackground(inWorker, WORKER, 4);
    for (const record of inThread.published) {
      expect(await citationsOf(record, inWorker)).toEqual(await citationsOf(record, inThread));
    }
    const [apa] = await citationsOf(inThread.catalog.records.get('fashion-mnist') as never, inThread);
    expect(apa).toMatchObject({ id: 'apa', html: expect.stringContaining('Xiao, H., Rasul, K., &#38; Vollgraf, R. (2017)') });
  }, 60_000);

  it('are still formatted when the worker cannot start', async () => {
    const site = loadSite('content');
    formatCitationsInBackground(site, resolve('src/site/no-such-worker.ts'));
    const citations = await citationsOf(site.published[0]!, site);
    expect(citations.map((citation) => citation.id)).toEqual(['apa', 'vancouver', 'harvard1']);
    expect(citations[0]!.html).toContain(site.published[0]!.data.title.split(' ')[0]);
  }, 60_000);
});
