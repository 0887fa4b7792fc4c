import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/views/markdown.ts';
import { minimalCatalog } from '../helpers/catalogs.ts';

const catalog = { root: minimalCatalog, bibliography: readFileSync(join(minimalCatalog, 'references.bib'), 'utf8') };

describe('renderBody', () => {
  it('keeps headings, tables, footnotes, citations with their bibliography, highlighted code, math and images', async () => {
    const html = await renderBody(
      [
        '## Results',
        '',
        '| metric | value |',
        '| :- | -: |',
        '| accuracy | 0.91 |',
        '',
        'As shown before [@demo2020], with a note[^1] and ![a plot](plot.png).',
        '',
        '```python',
        'print(1)',
        '```',
        '',
        '<math><msup><mi>x</mi><mn>2</mn></msup></math> and <details><summary>More</summary>text</details>',
        '',
        '[^1]: The note.',
      ].join('\n'),
      catalog,
    );
    expect(html).toContain('<h2 id="results">Results</h2>');
    expect(html).toMatch(/<table>[\s\S]*<td align="right">0.91<\/td>/);
    expect(html).toContain('<img src="plot.png" alt="a plot">');
    expect(html).toContain('<math><msup><mi>x</mi><mn>2</mn></msup></math>');
    expect(html).toContain('<details><summary>More</summary>text</details>');
    expect(html).toMatch(/<pre class="astro-code github-dark" style="[^"]+"[^>]*><code><span class="line"><span style="color:/);
    // Every in-page link points at an id the body holds, footnotes and citations alike.
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]));
    const fragments = [...html.matchAll(/ href="#([^"]+)"/g)].map((match) => match[1]);
    expect(fragments.length).toBeGreaterThanOrEqual(3);
    for (const fragment of fragments) expect(ids).toContain(fragment);
    expect(html).toContain('class="csl-entry" id="user-content-bib-demo2020"');
    expect(html).toContain('href="#user-content-bib-demo2020"');
    expect(html).toContain('href="#user-content-fn-1"');
  });

  it('removes scripts, event handlers, style, frames, forms and javascript:/data: URLs', async () => {
    const html = await renderBody(
      [
        '<script>alert(1)</script><img src="x.png" onerror="alert(2)" style="position:fixed;inset:0">',
        '[click](javascript:alert(3)) <a href="JaVaScRiPt&colon;alert(4)">x</a> <a href="data:text/html;base64,PHNjcmlwdD4=">y</a>',
        '<iframe src="https://example.org"></iframe><form action="https://example.org"><input name="q"></form>',
        '<svg><script>alert(5)</script><a href="javascript:alert(6)"><circle onload="alert(7)"/></a></svg>',
        '<div style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</div><style>body{display:none}</style>',
        '<h2 id="citation-preferred">Clobber</h2>',
      ].join('\n'),
      {},
    );
    expect(html).not.toMatch(/<script|<iframe|<form|<svg|<style|\son[a-z]+=|style=|javascript:|data:/i);
    expect(html).not.toContain('alert(');
    expect(html).not.toContain('id="citation-preferred"');
    expect(html).toContain('overlay');
  });
});
