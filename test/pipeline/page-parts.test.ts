import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationsOf, exportsWritten, pagePartsOf, startPagePartsWorker } from '../../src/pipeline/page-parts.ts';
import { loadSite } from '../../src/site/site.ts';

const WORKER = resolve('src/pipeline/page-parts-worker.ts');
// The workers read the cache folder from the environment; keep theirs out of the project.
process.env.HELIOGRAPH_CACHE = 'off';

describe('page parts (citations, bodies) and exports from the build’s worker', () => {
  it('come out of the worker exactly as computed in the page’s own thread, and the exports are written', async () => {
    const inThread = loadSite('content');
    const inWorker = loadSite('content');
    const outDir = mkdtempSync(join(tmpdir(), 'heliograph-parts-'));
    try {
      startPagePartsWorker(inWorker, inWorker.published, outDir, WORKER, { chunkSize: 4 });
      for (const record of inThread.published) {
        expect(await pagePartsOf(record, inWorker)).toEqual(await pagePartsOf(record, inThread));
      }
      const { files } = (await exportsWritten(inWorker))!;
      expect(files).toBeGreaterThan(inThread.published.length * 5);
      expect(readdirSync(join(outDir, 'datasets/fashion-mnist'))).toContain('datacite.xml');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
    const [apa] = citationsOf(await pagePartsOf(inThread.catalog.records.get('fashion-mnist') as never, inThread));
    expect(apa).toMatchObject({ id: 'apa', html: expect.stringContaining('Xiao, H., Rasul, K., &#38; Vollgraf, R. (2017)') });
  }, 60_000);

  it('are computed and written by the main thread for the chunks the worker has not reached, and their citations cached', async () => {
    const site = loadSite('content');
    const outDir = mkdtempSync(join(tmpdir(), 'heliograph-parts-'));
    const cache = join(outDir, 'cache');
    process.env.HELIOGRAPH_CACHE = cache;
    try {
      startPagePartsWorker(site, site.published, outDir, resolve('test/fixtures/workers/idle-parts-worker.ts'), { chunkSize: 3 });
      for (const record of site.published) expect((await pagePartsOf(record, site)).citations).toHaveLength(3);
      const { files } = (await exportsWritten(site))!;
      expect(files).toBeGreaterThan(site.published.length * 5);
      expect(readdirSync(join(outDir, 'models/lenet-fashion'))).toEqual(expect.arrayContaining(['datacite.xml', 'citation.bib', 'metadata.jsonld']));
      expect(Object.keys(JSON.parse(readFileSync(join(cache, 'citations-site.json'), 'utf8')))).toHaveLength(site.published.length);
    } finally {
      process.env.HELIOGRAPH_CACHE = 'off';
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('are still computed when the worker cannot start, and the missing exports fail the build', async () => {
    const site = loadSite('content');
    startPagePartsWorker(site, site.published, tmpdir(), resolve('src/pipeline/no-such-worker.ts'));
    const citations = citationsOf(await pagePartsOf(site.published[0]!, site));
    expect(citations.map((citation) => citation.id)).toEqual(['apa', 'vancouver', 'harvard1']);
    expect(citations[0]!.html).toContain(site.published[0]!.data.title.split(' ')[0]);
    await expect(exportsWritten(site)).rejects.toThrow();
  }, 60_000);
});
