/**
 * Publications: papers named by references.bib key or DOI reach DataCite as
 * related identifiers (validated by the 4.7 XSD), schema.org as
 * ScholarlyArticles under citation / subjectOf (only schema.org terms, nothing
 * lost in expansion), and the landing page formatted; a key references.bib
 * lacks is refused by check, located.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/catalog/check.ts';
import { dataciteXml } from '../../src/metadata/datacite/xml.ts';
import { relatedIdentifiersOf } from '../../src/metadata/datacite/related-identifiers.ts';
import { schemaOrg } from '../../src/metadata/schema-org/index.ts';
import type { PublishedRecord } from '../../src/metadata/types.ts';
import { publicationSchema } from '../../src/schema/common/publications.ts';
import { publicationGroups } from '../../src/views/publications.ts';
import { scratchCatalog } from '../helpers/catalogs.ts';
import { validateDataciteXml } from '../helpers/datacite-xsd.ts';
import { exampleCatalogFolder, expansionReport, metadataCatalog, schemaOrgTerms, termsOutsideContext } from '../helpers/jsonld.ts';

const { context, records } = metadataCatalog(exampleCatalogFolder);
const record = (id: string) => records.find((candidate) => candidate.id === id)!;
const withPublications = records.filter((candidate) => 'publications' in candidate.data && candidate.data.publications?.length);
const cases = withPublications.map((candidate) => [candidate.id, candidate] as const);

const jsonLd = (subject: PublishedRecord) => JSON.parse(schemaOrg.render(schemaOrg.build(subject, context))) as Record<string, unknown>;
const nodes = (value: unknown) => [value ?? []].flat() as Record<string, unknown>[];

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

describe('publications in DataCite', () => {
  it('the example catalog names papers on a project, datasets and models', () => {
    expect(new Set(withPublications.map((candidate) => candidate.type))).toEqual(new Set(['project', 'dataset', 'model']));
  });

  it.each(cases)('%s validates against the DataCite 4.7 XSD with its papers', async (_id, subject) => {
    const { valid, errors } = await validateDataciteXml(dataciteXml.render(dataciteXml.build(subject, context)));
    expect(errors).toBe('');
    expect(valid).toBe(true);
  });

  it('states a paper a dataset is reported in as IsDocumentedBy, with its DOI from references.bib', () => {
    expect(relatedIdentifiersOf(record('fashion-mnist'), context)).toContainEqual({
      relatedIdentifier: '10.48550/arXiv.1708.07747',
      relatedIdentifierType: 'DOI',
      relationType: 'IsDocumentedBy',
      resourceTypeGeneral: undefined,
    });
  });

  it('states what a model builds on as References, typed by the BibTeX entry', () => {
    const related = relatedIdentifiersOf(record('lenet-fashion'), context).filter((entry) => entry.relationType === 'References');
    expect(related).toContainEqual({ relatedIdentifier: '10.1109/5.726791', relatedIdentifierType: 'DOI', relationType: 'References', resourceTypeGeneral: 'JournalArticle' });
    expect(relatedIdentifiersOf(record('resnet18-fashion'), context)).toContainEqual(
      expect.objectContaining({ relatedIdentifier: '10.1109/CVPR.2016.90', relationType: 'References', resourceTypeGeneral: 'ConferencePaper' }),
    );
    const xml = dataciteXml.render(dataciteXml.build(record('lenet-fashion'), context));
    expect(xml).toContain('<relatedIdentifier relatedIdentifierType="DOI" relationType="References" resourceTypeGeneral="JournalArticle">10.1109/5.726791</relatedIdentifier>');
  });

  it('states each DOI once per relation, however often the record names it', async () => {
    const scratch = scratchCatalog(exampleCatalogFolder);
    cleanups.push(scratch.remove);
    const file = join(scratch.root, 'models', 'lenet-fashion.md');
    const text = readFileSync(file, 'utf8').replace('publications:\n', 'publications:\n  - doi: 10.1109/5.726791\n    relation: buildsOn\n  - doi: 10.1234/cites.lenet\n    title: A paper that uses the baseline\n    relation: citedBy\n');
    writeFileSync(file, text);
    const scratchCatalogLoaded = metadataCatalog(scratch.root);
    const lenet = scratchCatalogLoaded.records.find((candidate) => candidate.id === 'lenet-fashion')!;
    const related = relatedIdentifiersOf(lenet, scratchCatalogLoaded.context);
    expect(related.filter((entry) => entry.relatedIdentifier === '10.1109/5.726791' && entry.relationType === 'References')).toHaveLength(1);
    expect(related).toContainEqual(expect.objectContaining({ relatedIdentifier: '10.1234/cites.lenet', relationType: 'IsCitedBy' }));
    const { valid, errors } = await validateDataciteXml(dataciteXml.render(dataciteXml.build(lenet, scratchCatalogLoaded.context)));
    expect(errors).toBe('');
    expect(valid).toBe(true);
  });
});

describe('publications in schema.org', () => {
  it.each(cases)('%s names its papers with schema.org terms only, and loses nothing in expansion', async (_id, subject) => {
    const document = jsonLd(subject);
    expect(termsOutsideContext(document as never, schemaOrgTerms())).toEqual([]);
    const report = await expansionReport(document);
    expect(report.droppedTerms).toEqual([]);
    expect(report.expandedValues).toBe(report.compactValues);
  });

  it('gives what a model builds on as citation, a ScholarlyArticle with its DOI as identifier', () => {
    const [article] = nodes(jsonLd(record('resnet18-fashion'))['citation']);
    expect(article).toEqual({
      '@id': 'https://doi.org/10.1109/CVPR.2016.90',
      '@type': 'ScholarlyArticle',
      name: 'Deep Residual Learning for Image Recognition',
      identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1109/CVPR.2016.90', url: 'https://doi.org/10.1109/CVPR.2016.90' },
    });
  });

  it('gives the papers reporting a dataset as subjectOf', () => {
    const articles = nodes(jsonLd(record('iris'))['subjectOf']);
    expect(articles.map((article) => article['@id'])).toEqual(['https://doi.org/10.1111/j.1469-1809.1936.tb02137.x', 'https://doi.org/10.1109/91.771092']);
    expect(articles.every((article) => article['@type'] === 'ScholarlyArticle')).toBe(true);
    expect(jsonLd(record('iris'))['citation']).toBeUndefined();
  });
});

describe('publications on the landing page', () => {
  it('lists papers by relation, formatted as the bibliography entry', () => {
    const groups = publicationGroups(record('lenet-fashion'), context);
    expect(groups.map((group) => group.label)).toEqual(['Builds on']);
    expect(groups[0]!.entries).toHaveLength(2);
    expect(groups[0]!.entries[0]!.html).toBe(
      'LeCun, Y., Bottou, L., Bengio, Y., &#38; Haffner, P. (1998). Gradient-Based Learning Applied to Document Recognition. <i>Proceedings of the IEEE</i>, <i>86</i>(11), 2278–2324. https://doi.org/10.1109/5.726791',
    );
    expect(groups[0]!.entries[1]!.html).toMatch(/^Kingma, D\. P\., &#38; Ba, J\. \(2015\)\. Adam/);
    expect(publicationGroups(record('fashion-mnist'), context)).toEqual([{ label: 'Reported in', entries: [{ html: expect.stringContaining('Xiao, H., Rasul, K., &#38; Vollgraf, R. (2017)') }] }]);
  });

  it('escapes markup in a contributed references.bib entry: the formatted entry carries no tag of its own', () => {
    const scratch = scratchCatalog(exampleCatalogFolder);
    cleanups.push(scratch.remove);
    const bib = join(scratch.root, 'references.bib');
    writeFileSync(bib, readFileSync(bib, 'utf8').replace('title   = {Gradient-Based Learning Applied to Document Recognition}', 'title   = {<img src=x onerror=alert(1)><script>alert(2)</script>}'));
    const loaded = metadataCatalog(scratch.root);
    const lenet = loaded.records.find((candidate) => candidate.id === 'lenet-fashion')!;
    const html = publicationGroups(lenet, loaded.context)[0]!.entries[0]!.html!;
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;&#60;script&#62;');
    expect(html).not.toMatch(/<(?:img|script)/i);
  });

  it('shows nothing for a record without papers', () => {
    expect(publicationGroups(record('resnet18-eval'), context)).toEqual([]);
  });
});

describe('checking publications', () => {
  it('refuses a key references.bib lacks, located at the field, with a suggestion and a fix', () => {
    const scratch = scratchCatalog(exampleCatalogFolder);
    cleanups.push(scratch.remove);
    const file = join(scratch.root, 'datasets', 'fashion-mnist.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - ref: xiao2017fashion', '  - ref: xiao2017fashoin'));
    const problems = checkCatalog(scratch.root).problems.filter((entry) => entry.code === 'publication-unknown');
    const line = readFileSync(file, 'utf8').split('\n').findIndex((text) => text.includes('xiao2017fashoin')) + 1;
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        field: 'publications[0].ref',
        line,
        message: '"xiao2017fashoin" is not a key of references.bib (did you mean "xiao2017fashion"?)',
        hint: expect.stringContaining('Add the entry to references.bib'),
      }),
    ]);
    expect(relative(scratch.root, resolve(problems[0]!.file))).toBe(join('datasets', 'fashion-mnist.md'));
  });

  it('refuses an entry that names the paper twice or not at all', () => {
    expect(publicationSchema.safeParse({ ref: 'he2016deep', doi: '10.1109/CVPR.2016.90', relation: 'buildsOn' }).error?.issues[0]?.message).toMatch(/either "ref".*or "doi"/);
    expect(publicationSchema.safeParse({ relation: 'reports' }).success).toBe(false);
    expect(publicationSchema.safeParse({ doi: 'https://doi.org/10.1109/91.771092', relation: 'reports' }).error?.issues[0]?.message).toMatch(/bare DOI/);
    expect(publicationSchema.safeParse({ ref: 'he2016deep', relation: 'inspiredBy' }).success).toBe(false);
  });
});
