import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/site/site.ts';
import { historyOf } from '../../src/views/history.ts';
import { scratchCatalog } from '../helpers/catalogs.ts';
import { builtSite } from './helpers.ts';

const example = builtSite('example');

describe('versions, renamed records and change history', () => {
  it('links versions both ways, on the pages and in DataCite', () => {
    const newer = example.read('datasets/fashion-mnist-augmented/index.html');
    const older = example.read('datasets/fashion-mnist-augmented-v1/index.html');
    expect(newer).toMatch(/Previous version<\/dt> <dd><ul><li>.*?href="\/datasets\/fashion-mnist-augmented-v1\/"/);
    expect(older).toMatch(/Newer version<\/dt> <dd><ul><li>.*?href="\/datasets\/fashion-mnist-augmented\/"/);
    expect(example.read('datasets/fashion-mnist-augmented/datacite.xml')).toMatch(/relationType="IsNewVersionOf"[^>]*>10\.5072\/heliograph\.fashion-mnist-augmented-v1</);
    expect(example.read('datasets/fashion-mnist-augmented-v1/datacite.xml')).toContain('relationType="IsPreviousVersionOf"');
  });

  it('keeps a redirect page at a renamed record’s old URL', () => {
    const redirect = example.read('models/lenet5-fashion/index.html');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=https://heliograph.example.org/models/lenet-fashion/">');
    expect(redirect).toContain('<link rel="canonical" href="https://heliograph.example.org/models/lenet-fashion/">');
    expect(example.read('sitemap.xml')).not.toContain('lenet5-fashion');
  });

  it('lists each record’s history from git, or says why it cannot', () => {
    const page = example.read('datasets/fashion-mnist/index.html');
    expect(page).toContain('<h2 id="history-heading">Change history</h2>');
    if (example.site.history.available) {
      const [latest] = example.site.history.forFile(example.site.catalog.records.get('fashion-mnist')!.path);
      expect(latest, 'the example catalog is committed').toBeDefined();
      expect(page).toContain(`/commit/${latest!.commit}`);
      expect(example.read('sitemap.xml')).toContain(`<loc>https://heliograph.example.org/datasets/fashion-mnist/</loc>\n    <lastmod>${latest!.date.slice(0, 10)}</lastmod>`);
    } else {
      expect(page).toContain('The change history is unavailable');
    }
  });
});

describe('a catalog outside git', () => {
  it('loads, and its records say the history is unavailable', () => {
    const scratch = scratchCatalog();
    try {
      const site = loadSite(scratch.root);
      const history = historyOf(site.catalog.records.get('demo-data')!, site);
      expect(history).toEqual({ available: false, reason: expect.stringMatching(/git/) });
      expect(site.lastModified(site.catalog.records.get('demo-data')!)).toBe('2024-01-15');
    } finally {
      scratch.remove();
    }
  });
});
