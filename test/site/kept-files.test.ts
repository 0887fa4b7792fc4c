import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PublishedRecord } from '../../src/metadata/types.ts';
import { keptFiles } from '../../src/catalog/kept-files.ts';
import { builtSite } from './helpers.ts';

describe('files kept in the catalog', () => {
  const { outDir, site, read } = builtSite('example');
  const iris = site.catalog.records.get('iris') as PublishedRecord;

  it('ship beside their landing page, byte for byte, where the exports say they are', () => {
    const [file] = keptFiles(iris);
    expect(file?.sitePath).toBe('/datasets/iris/iris.csv');
    expect(readFileSync(join(outDir, file!.sitePath))).toEqual(readFileSync(file!.source));
    const croissant = JSON.parse(read('datasets/iris/croissant.json')) as { distribution: { contentUrl: string }[] };
    expect(croissant.distribution.map((entry) => entry.contentUrl)).toEqual([site.context.url(file!.sitePath)]);
  });

  it('the landing page links the file and shows the responsible-AI facts', () => {
    const html = read('datasets/iris/index.html');
    expect(html).toContain('href="https://heliograph.example.org/datasets/iris/iris.csv"');
    expect(html).toMatch(/<h2 id="responsible-ai-heading">Responsible AI<\/h2>[\s\S]*Personal and sensitive information[\s\S]*the data describe flowers/);
  });
});
