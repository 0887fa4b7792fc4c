import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSite } from '../../src/site/site.ts';
import { projectLineage } from '../../src/views/lineage-view.ts';
import { projectInstruments } from '../../src/views/project-instruments.ts';
import { relatedGroups } from '../../src/views/related.ts';

const site = getSite(resolve('content'));

describe("the experimentalists' side of a project", () => {
  it('lists the instruments of the project with type, model, owner and the data they collected', () => {
    expect(projectInstruments(site, 'fashion-benchmark')).toEqual([
      {
        instrument: expect.objectContaining({ title: 'Example Vision Lab garment photo rig', href: '/instruments/vision-lab-photo-rig/' }),
        types: 'digital camera, light box',
        model: 'Photo rig, second build',
        owners: [expect.objectContaining({ title: 'Example Vision Lab', href: '/organizations/example-vision-lab/' })],
        collected: [expect.objectContaining({ href: '/datasets/fashion-rephotographed/' })],
      },
    ]);
  });

  it('draws the instrument in the project lineage, with an edge to what it collected', () => {
    const lineage = projectLineage(site, 'fashion-benchmark')!;
    expect(lineage.layout.nodes.find((node) => node.id === 'vision-lab-photo-rig')?.kind).toBe('instrument');
    expect(lineage.statements).toContainEqual(expect.objectContaining({ from: 'Example Vision Lab garment photo rig', label: 'collected', toHref: '/datasets/fashion-rephotographed/' }));
  });

  it('lists on the instrument page what it collected, and on the dataset page what collected it', () => {
    expect(relatedGroups(site, 'vision-lab-photo-rig')).toContainEqual({ label: 'Collected', links: [expect.objectContaining({ href: '/datasets/fashion-rephotographed/' })] });
    expect(relatedGroups(site, 'fashion-rephotographed')).toContainEqual({ label: 'Collected by', links: [expect.objectContaining({ href: '/instruments/vision-lab-photo-rig/' })] });
  });
});
