import { describe, expect, it } from 'vitest';
import { htmlRemovals } from '../../src/markdown/removals.ts';

describe('htmlRemovals', () => {
  it('finds nothing in plain Markdown, tables, footnotes, code, math and images', () => {
    const body = [
      '# Results',
      '',
      '| a | b |',
      '| :- | -: |',
      '| 1 | 2 |',
      '',
      'A claim[^1] with `code`, [a link](https://example.org/x), [a relative one](../datasets/x/) and ![a plot](plot.png).',
      '',
      '```python',
      'print("<script>")',
      '```',
      '',
      '<details><summary>More</summary><sup>2</sup> <kbd>Ctrl</kbd></details>',
      '',
      '<math display="block"><mfrac><mi>a</mi><mn>2</mn></mfrac></math>',
      '',
      '- [x] done',
      '',
      '[^1]: A note.',
    ].join('\n');
    expect(htmlRemovals(body)).toEqual([]);
  });

  it('locates scripts, event handlers, style and dangerous URLs by line and column', () => {
    const body = [
      'Intro <script>alert(1)</script>',
      '<img src="x.png" onerror="alert(1)" style="position:fixed;inset:0">',
      '[click](javascript:alert(1)) and <a href="data:text/html,<b>x</b>">data</a>',
      '<iframe src="https://example.org"></iframe>',
      '<svg><script>alert(1)</script><circle onload="alert(1)"/></svg>',
    ].join('\n');
    expect(htmlRemovals(body)).toEqual([
      { line: 1, column: 7, message: '<script> will be removed with its content' },
      { line: 2, column: 1, message: 'the onerror attribute of <img> will be removed' },
      { line: 2, column: 1, message: 'the style attribute of <img> will be removed' },
      { line: 3, column: 1, message: 'the URL "javascript:alert(1)" of <a> will be removed: only http, https, irc, ircs, mailto, xmpp and relative URLs are kept' },
      { line: 3, column: 34, message: 'the URL "data:text/html,<b>x</b>" of <a> will be removed: only http, https, irc, ircs, mailto, xmpp and relative URLs are kept' },
      { line: 4, column: 1, message: '<iframe> will be removed with its content' },
      { line: 5, column: 1, message: '<svg> will be removed, its text kept' },
      { line: 5, column: 6, message: '<script> will be removed with its content' },
      { line: 5, column: 31, message: '<circle> will be removed' },
    ]);
  });

  it('names classes the allowlist does not keep', () => {
    expect(htmlRemovals('<div class="csl-entry overlay">x</div>')).toEqual([{ line: 1, column: 1, message: 'class "overlay" of <div> will be removed' }]);
  });

  // Without a single "<", a link target alone can carry a scheme the allowlist drops, however it is spelled.
  it.each([
    ['a link', '[click](javascript:alert(1))'],
    ['a link in capitals', '[click](JavaScript:alert(1))'],
    ['a link with spaces before its target', '[click](   javascript:alert(1))'],
    ['a reference definition', '[click][r]\n\n[r]: javascript:alert(1)'],
    ['a reference definition on the next line', '[click][r]\n\n[r]:\n  javascript:alert(1)'],
    ['an image with a data URL', '![plot](data:image/svg+xml;base64,PHN2Zz4=)'],
    ['an image with a scheme only links keep', '![plot](mailto:someone@example.org)'],
    ['an entity spelling the scheme', '[click](&#106;avascript:alert(1))'],
    ['an escaped colon', '[click](javascript\\:alert(1))'],
    ['a target after safe ones', '[a](https://example.org) [b](../x/) [c](vbscript:msgbox(1))'],
  ])('finds the URL of %s', (_label, body) => {
    expect(htmlRemovals(body)).toEqual([expect.objectContaining({ message: expect.stringMatching(/^the URL ".+" of <(a|img)> will be removed/) })]);
  });

  it('keeps links to web pages, mail addresses and relative paths', () => {
    expect(htmlRemovals('[a](https://example.org/x) [b]( http://example.org) [c](mailto:a@example.org) [d](../runs/x/) [e](#top) [f]: https://example.org')).toEqual([]);
  });
});
