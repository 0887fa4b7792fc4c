/** The built landing pages show a record's papers and failure cases, and its export files carry them. */
import { describe, expect, it } from 'vitest';
import { builtSite } from './helpers.ts';

describe('publications and failure cases on the built site', () => {
  const { read } = builtSite('example');

  it('a dataset page lists its known problems and the papers reporting it, formatted', () => {
    const html = read('datasets/iris/index.html');
    expect(html).toMatch(/<h2 id="failures-heading">Known problems<\/h2>[\s\S]*sample 35 has petal width 0\.1[\s\S]*<dt>Lesson<\/dt>/);
    expect(html).toMatch(/<h2 id="publications-heading">Publications<\/h2>[\s\S]*<dt>Reported in<\/dt>[\s\S]*Bezdek, J\. C\., Keller, J\. M\.[\s\S]*<i>IEEE Transactions on Fuzzy Systems<\/i>/);
    expect(html).toContain('<a href="https://doi.org/10.1109/91.771092">');
  });

  it('a failed run says what failed, and its DataCite file says it too', () => {
    expect(read('runs/resnet18-sweep-lr-0-8/index.html')).toMatch(/<h2 id="failures-heading">What failed<\/h2>[\s\S]*Training diverged/);
    expect(read('runs/resnet18-sweep-lr-0-8/datacite.xml')).toMatch(/<description descriptionType="TechnicalInfo"[^>]*>What failed: Training diverged/);
  });

  it('a model page shows what it builds on, and its DataCite file the References', () => {
    expect(read('models/resnet18-fashion/index.html')).toMatch(/<dt>Builds on<\/dt>[\s\S]*He, K\., Zhang, X\., Ren, S\., &#38; Sun, J\. \(2016\)/);
    expect(read('models/resnet18-fashion/datacite.xml')).toContain('relationType="References" resourceTypeGeneral="ConferencePaper">10.1109/CVPR.2016.90</relatedIdentifier>');
  });
});
