import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { citationStyles, formatCitations } from '../../src/metadata/csl/format.ts';
import type { PublishedRecord } from '../../src/metadata/types.ts';
import { cacheFolder, openCitationCache } from '../../src/pipeline/citation-cache.ts';
import { loadSite } from '../../src/site/site.ts';

describe('the citation cache', () => {
  const site = loadSite('content');
  const folder = mkdtempSync(join(tmpdir(), 'heliograph-cache-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('gives exactly what citeproc gives, and formats on a rebuild only the records whose citation changed', () => {
    const first = openCitationCache(folder, 'site');
    const entries = first.format(site.published, site.context);
    for (const [index, style] of citationStyles.entries()) {
      const direct = formatCitations(site.published, site.context, style.id);
      for (const record of site.published) expect(entries.get(record.id)![index]).toBe(direct.get(record.id));
    }
    expect([first.hits, first.misses]).toEqual([0, site.published.length]);
    first.save();

    const changed = site.published.map((record) => (record.id === 'fashion-mnist' ? ({ ...record, data: { ...record.data, title: 'Fashion-MNIST, retitled' } } as PublishedRecord) : record));
    const second = openCitationCache(folder, 'site');
    const again = second.format(changed, site.context);
    expect([second.hits, second.misses]).toEqual([site.published.length - 1, 1]);
    expect(again.get('fashion-mnist')![0]).toContain('Fashion-MNIST, retitled');
    expect(again.get('lenet-fashion')).toEqual(entries.get('lenet-fashion'));
    second.save();
    // The old title's entry was not used by the second build, so it is gone.
    expect(Object.keys(JSON.parse(readFileSync(join(folder, 'citations-site.json'), 'utf8')))).toHaveLength(site.published.length);
  });

  it('is kept apart per kind of build, survives a damaged file, and can be turned off', () => {
    const shard = openCitationCache(folder, 'shard-1-of-2');
    shard.format(site.published.slice(0, 2), site.context);
    expect(shard.misses).toBe(2);
    writeFileSync(join(folder, 'citations-site.json'), '{"truncated');
    const damaged = openCitationCache(folder, 'site');
    expect(damaged.format(site.published.slice(0, 1), site.context).get(site.published[0]!.id)).toHaveLength(citationStyles.length);
    expect(damaged.misses).toBe(1);
    expect(cacheFolder({ HELIOGRAPH_CACHE: 'off' })).toBeUndefined();
    expect(cacheFolder({})).toMatch(/\.heliograph-cache$/);
    const off = openCitationCache(undefined, 'site');
    off.format(site.published.slice(0, 1), site.context);
    off.save();
    expect(off.misses).toBe(1);
  });
});
