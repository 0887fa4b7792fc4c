import { describe, expect, it } from 'vitest';
import { pageOrder, parseShard, planFromEnvironment, planShard, planWholeSite } from '../../src/pipeline/plan.ts';
import { loadSite } from '../../src/site/site.ts';

describe('build plans', () => {
  const site = loadSite('content');
  const ids = (records: { id: string }[]) => records.map((record) => record.id);

  it('shards split the page order into disjoint shares that together are every record, each with its share of every type', () => {
    const shares = [1, 2, 3].map((index) => planShard(site, { index, count: 3 }));
    const all = shares.flatMap((plan) => ids(plan.records));
    expect(all.sort()).toEqual(ids(pageOrder(site)).sort());
    expect(new Set(all).size).toBe(site.catalog.records.size);
    for (const plan of shares) {
      expect(plan.finishesSite).toBe(false);
      expect(plan.records.filter((record) => record.type === 'run').length).toBeGreaterThanOrEqual(3);
    }
    expect(planWholeSite(site)).toMatchObject({ finishesSite: true, records: pageOrder(site) });
  });

  it('reads the plan from the environment, and refuses a malformed shard', () => {
    expect(planFromEnvironment(site, { HELIOGRAPH_SHARD: '2/3' }).label).toBe('shard 2/3');
    expect(ids(planFromEnvironment(site, { HELIOGRAPH_ONLY: 'fashion-mnist,lenet-fashion' }).records).sort()).toEqual(['fashion-mnist', 'lenet-fashion']);
    expect(planFromEnvironment(site, {}).label).toBe('whole site');
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/--shard takes <index>\/<count>/);
  });
});
