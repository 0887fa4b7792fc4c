/**
 * Citation exports: CSL-JSON, BibTeX and the formatted "Cite this" entries of
 * every published record of the example catalog and of an edge-case fixture.
 * BibTeX is read back with citation-js, and CSL-JSON is checked against the
 * shape of the official CSL 1.0 data schema.
 */
import type { CslData, CslNameData } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { metadataCatalog, type MetadataCatalog } from '../helpers/catalogs.ts';
import { z } from 'zod';
import { bibtex } from '../../src/metadata/bibtex/index.ts';
import { escapeLatex } from '../../src/metadata/bibtex/latex.ts';
import { creatorsOf, publicationYear } from '../../src/metadata/common/record-facts.ts';
import { Cite, plugins } from '../../src/metadata/csl/citation-js.ts';
import { citationStyles, defaultCitationStyle, formatCitation } from '../../src/metadata/csl/format.ts';
import { cslJson } from '../../src/metadata/csl/index.ts';
import type { CslItem } from '../../src/metadata/csl/item.ts';
import { cslTypes } from '../../src/metadata/csl/vocabulary.ts';
import type { PublishedRecord } from '../../src/metadata/types.ts';

type Loaded = MetadataCatalog;
const load = metadataCatalog;

const catalogs = { example: load('content'), edge: load('test/fixtures/catalogs/citation-edge') };

function recordOf(loaded: Loaded, id: string): PublishedRecord {
  const record = loaded.records.find((candidate) => candidate.id === id);
  if (!record) throw new Error(`no published record ${id}`);
  return record;
}

function cslOf(loaded: Loaded, id: string): CslItem {
  const [item] = cslJson.build(recordOf(loaded, id), loaded.context);
  if (!item) throw new Error(`no CSL item for ${id}`);
  return item;
}

function bibtexOf(loaded: Loaded, id: string): string {
  return bibtex.render(bibtex.build(recordOf(loaded, id), loaded.context));
}

function parseBibtex(text: string): CslData {
  const data = new Cite(text).data;
  expect(data).toHaveLength(1);
  return data[0]!;
}

/** A name as one string, so a literal name and a one-part family name compare equal. */
function nameText(name: CslNameData): string {
  return name.literal ?? [name.given, name.family].filter(Boolean).join(' ');
}

/** HTML back to text: drop tags, decode the numeric entities citeproc writes. */
function htmlText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)));
}

// The variables Heliograph writes, with the types csl-data.json (CSL 1.0) gives them;
// strict like the schema's additionalProperties: false, so a misspelt variable fails.
const cslName = z.strictObject({ family: z.string().optional(), given: z.string().optional(), literal: z.string().optional() });
const cslDate = z.strictObject({
  'date-parts': z.array(z.array(z.union([z.string(), z.number()])).min(1).max(3)).min(1).max(2),
});
const cslData = z.array(
  z.strictObject({
    id: z.union([z.string(), z.number()]),
    type: z.enum(cslTypes),
    'citation-key': z.string(),
    title: z.string(),
    genre: z.string().optional(),
    author: z.array(cslName),
    issued: cslDate,
    publisher: z.string().optional(),
    version: z.string().optional(),
    DOI: z.string().optional(),
    URL: z.string(),
    abstract: z.string().optional(),
    keyword: z.string().optional(),
    status: z.string().optional(),
    note: z.string().optional(),
  }),
);

describe.each(Object.entries(catalogs))('every published record of the %s catalog', (_name, loaded) => {
  it.each(loaded.records.map((record) => [record.id, record] as const))('%s: CSL-JSON has the CSL data shape and the record facts', (_id, record) => {
    const items = cslJson.build(record, loaded.context);
    const parsed = cslData.parse(JSON.parse(cslJson.render(items)));
    expect(parsed).toEqual(items);
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item).toMatchObject({ id: record.id, 'citation-key': record.id, title: record.data.title, URL: loaded.context.landingUrl(record) });
    expect(item?.DOI).toBe(record.data.doi);
    expect(item?.issued['date-parts'][0][0]).toBe(Number(publicationYear(record)));
    expect(item?.author).toHaveLength(creatorsOf(record, loaded.context).length);
  });

  it.each(loaded.records.map((record) => [record.id, record] as const))('%s: BibTeX reads back with citation-js', (_id, record) => {
    const item = cslJson.build(record, loaded.context)[0]!;
    const text = bibtex.render(bibtex.build(record, loaded.context));
    expect(text).toMatch(new RegExp(`^@${record.type === 'software' ? 'software' : 'misc'}\\{${record.id},\n`));
    const parsed = parseBibtex(text);
    expect(parsed['citation-key']).toBe(record.id);
    expect(parsed.title).toBe(item.title);
    expect(parsed.DOI).toBe(item.DOI);
    expect(parsed.URL).toBe(item.URL);
    expect(parsed.issued?.['date-parts']?.[0]?.[0]).toBe(item.issued['date-parts'][0][0]);
    expect(parsed.author?.map(nameText)).toEqual(item.author.map(nameText));
  });

  it.each(loaded.records.map((record) => [record.id, record] as const))('%s: every style formats an entry with the year', (_id, record) => {
    for (const { id } of citationStyles) {
      const html = formatCitation(record, loaded.context, id);
      expect(html).toContain(publicationYear(record));
      expect(html).not.toMatch(/csl-entry|csl-left-margin|\uE000/);
    }
  });
});

describe('CSL-JSON', () => {
  it('is announced as a CSL-JSON file', () => {
    expect(cslJson).toMatchObject({ id: 'csl-json', fileName: 'citation.json', mediaType: 'application/vnd.citationstyles.csl+json' });
  });

  it('gives each record type a CSL type, and a genre where CSL has no type of its own', () => {
    const edge = catalogs.edge;
    expect(cslOf(edge, 'hostile')).toMatchObject({ type: 'dataset' });
    expect(cslOf(edge, 'hostile').genre).toBeUndefined();
    expect(cslOf(edge, 'classifier')).toMatchObject({ type: 'software', genre: 'Machine learning model' });
    expect(cslOf(edge, 'train')).toMatchObject({ type: 'dataset', genre: 'Experiment run' });
    expect(cslOf(edge, 'edge-project')).toMatchObject({ type: 'document', genre: 'Research project' });
  });

  it('states only a registered DOI, never one the catalog prefix proposes', () => {
    expect(cslOf(catalogs.example, 'fashion-mnist').DOI).toBeUndefined();
    expect(cslOf(catalogs.edge, 'classifier').DOI).toBeUndefined();
    expect(cslOf(catalogs.edge, 'hostile').DOI).toBe('10.5072/citation-edge.hostile');
  });

  it('splits only names the record splits; organizations and unsplit people stay literal', () => {
    expect(cslOf(catalogs.edge, 'hostile').author).toEqual([
      { literal: 'Maria Sibylla van der Berg' },
      { literal: 'Annotation Collective Zürich' },
      { family: 'Müller-Lüdenscheidt', given: 'Åsa' },
    ]);
    expect(cslOf(catalogs.edge, 'withdrawn').author[0]).toEqual({ literal: 'Institute for Learning & Data Science' });
  });

  it('keeps the full date, the publisher, version, abstract and keywords', () => {
    expect(cslOf(catalogs.edge, 'hostile')).toMatchObject({
      issued: { 'date-parts': [[2024, 2, 1]] },
      publisher: 'Institute for Learning & Data Science',
      version: '1.0-rc.1',
      keyword: '<b>bold</b>, a & b',
    });
    expect(cslOf(catalogs.edge, 'hostile').abstract).toMatch(/^A dataset whose title/);
  });

  it('dates a run by its end and leaves out an abstract that would repeat the title', () => {
    const run = cslOf(catalogs.edge, 'train');
    expect(run.issued).toEqual({ 'date-parts': [[2024, 5, 1]] });
    expect(run.abstract).toBeUndefined();
  });

  it('credits a run without agents to the publisher', () => {
    expect(cslOf(catalogs.edge, 'sweep').author).toEqual([{ literal: 'Institute for Learning & Data Science' }]);
  });

  it('says in the citation that a record is withdrawn', () => {
    expect(cslOf(catalogs.edge, 'withdrawn')).toMatchObject({ status: 'withdrawn', note: 'Withdrawn on 2024-01-09' });
    expect(cslOf(catalogs.example, 'fashion-mnist-augmented-v1')).toMatchObject({ status: 'withdrawn' });
    expect(cslOf(catalogs.edge, 'hostile').note).toBeUndefined();
  });

  it('keeps a hostile title verbatim: it is data, escaped by whoever renders it', () => {
    expect(cslOf(catalogs.edge, 'hostile').title).toBe('</script> <b>x</b> & "q" 100% {braces} ~tilde_ Корпус 語料');
  });
});

describe('BibTeX', () => {
  it('is announced as a BibTeX file', () => {
    expect(bibtex).toMatchObject({ id: 'bibtex', fileName: 'citation.bib', mediaType: 'application/x-bibtex' });
  });

  it('keeps organizations whole, with LaTeX specials escaped', () => {
    const text = bibtexOf(catalogs.edge, 'withdrawn');
    expect(text).toContain('author = {{Institute for Learning \\& Data Science} and Carberry, Josiah}');
    const [organization] = parseBibtex(text).author ?? [];
    expect(organization).toEqual({ family: 'Institute for Learning & Data Science' });
  });

  it('escapes a hostile title for LaTeX and keeps it balanced and whole', () => {
    const text = bibtexOf(catalogs.edge, 'hostile');
    expect(text).toContain(
      'title = {\\textless{}/script\\textgreater{} \\textless{}b\\textgreater{}x\\textless{}/b\\textgreater{} \\& "q" 100\\% \\textbraceleft{}braces\\textbraceright{} \\textasciitilde{}tilde\\_ Корпус 語料}',
    );
    expect(text.split('{').length).toBe(text.split('}').length);
    expect(text.replace(/^ {2}(doi|url) = .*$/gm, '')).not.toMatch(/[<>]/);
  });

  it('keeps Unicode, bracing non-ASCII letters of person names for styles that abbreviate', () => {
    const text = bibtexOf(catalogs.edge, 'hostile');
    expect(text).toContain('M{ü}ller-L{ü}denscheidt, {Å}sa');
    expect(text).toContain('{Annotation Collective Zürich}');
    expect(parseBibtex(text).author?.[2]).toEqual({ family: 'Müller-Lüdenscheidt', given: 'Åsa' });
  });

  it('writes the year without month, and version and keywords for reference managers', () => {
    const text = bibtexOf(catalogs.edge, 'hostile');
    expect(text).toContain('  year = {2024},\n');
    expect(text).not.toContain('month');
    expect(text).toContain('  version = {1.0-rc.1},\n');
    expect(text).toContain('  keywords = {\\textless{}b\\textgreater{}bold\\textless{}/b\\textgreater{}, a \\& b},\n');
  });

  it('notes a withdrawal and names what a model or run is', () => {
    expect(bibtexOf(catalogs.edge, 'withdrawn')).toContain('  note = {Withdrawn on 2024-01-09},\n');
    expect(bibtexOf(catalogs.edge, 'classifier')).toContain('  type = {Machine learning model},\n');
  });

  it('leaves citation-js configured as it found it', () => {
    bibtexOf(catalogs.edge, 'hostile');
    expect(plugins.config.get('@bibtex').format.asciiOnly).toBe(true);
  });

  it('escapes every character LaTeX treats specially', () => {
    expect(escapeLatex('\\ { } & % $ # _ ~ ^ < >')).toBe(
      '\\textbackslash{} \\textbraceleft{} \\textbraceright{} \\& \\% \\$ \\# \\_ \\textasciitilde{} \\textasciicircum{} \\textless{} \\textgreater{}',
    );
  });
});

describe('formatted citations', () => {
  it('offers the styles bundled with plugin-csl, APA first', () => {
    const templates = plugins.config.get('@csl').templates;
    expect(citationStyles.map((style) => style.id)).toEqual(['apa', 'vancouver', 'harvard1']);
    expect(defaultCitationStyle).toBe('apa');
    for (const style of citationStyles) {
      expect(templates.has(style.id)).toBe(true);
      expect(style.label).not.toBe('');
    }
  });

  it('gives the DOI as a URL and the year in APA for a dataset with a DOI', () => {
    const example = formatCitation(recordOf(catalogs.example, 'fashion-mnist-augmented'), catalogs.example.context);
    expect(example).toContain('https://doi.org/10.5072/heliograph.fashion-mnist-augmented');
    expect(example).toContain('(2024)');
    const edge = formatCitation(recordOf(catalogs.edge, 'withdrawn'), catalogs.edge.context, 'apa');
    expect(edge).toContain('https://doi.org/10.5072/citation-edge.withdrawn');
    expect(edge).toContain('(2023)');
    expect(edge).toContain('[Data set]');
  });

  it('prints organizations and unsplit people whole', () => {
    const html = formatCitation(recordOf(catalogs.edge, 'hostile'), catalogs.edge.context, 'apa');
    expect(html).toMatch(/^Maria Sibylla van der Berg, Annotation Collective Zürich, &#38; Müller-Lüdenscheidt, Å\. \(2024\)/);
    expect(formatCitation(recordOf(catalogs.edge, 'withdrawn'), catalogs.edge.context)).toMatch(/^Institute for Learning &#38; Data Science, /);
  });

  it('escapes a hostile title in every style', () => {
    const record = recordOf(catalogs.edge, 'hostile');
    for (const { id } of citationStyles) {
      const html = formatCitation(record, catalogs.edge.context, id);
      expect(html).not.toContain('</script>');
      expect(html).not.toContain('<b>');
      expect(html).toContain('&#60;/script&#62; &#60;b&#62;x&#60;/b&#62; &#38; ');
      for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(/^<\/?(i|sup|sub)>$/);
      expect(htmlText(html)).toContain('</script> <b>x</b> & ');
    }
  });

  it('formats a numeric style without the entry number', () => {
    const html = formatCitation(recordOf(catalogs.example, 'fashion-mnist'), catalogs.example.context, 'vancouver');
    expect(html).toMatch(/^Xiao H, Rasul K, Vollgraf R\. Fashion-MNIST/);
  });
});

describe('formatting many records at once', () => {
  it('gives each record the entry it gets when formatted alone', async () => {
    const { checkCatalog } = await import('../../src/catalog/check.ts');
    const { createMetadataContext } = await import('../../src/metadata/context.ts');
    const { formatCitations, citationStyles } = await import('../../src/metadata/csl/format.ts');
    const { Cite } = await import('../../src/metadata/csl/citation-js.ts');
    const { cslItem } = await import('../../src/metadata/csl/item.ts');
    const { catalog, graph } = checkCatalog('content');
    const context = createMetadataContext(catalog.settings!, graph);
    const records = [...catalog.records.values()].filter((record) => ['project', 'dataset', 'model', 'run'].includes(record.type)) as never[];
    for (const { id: style } of citationStyles) {
      const batch = formatCitations(records, context, style);
      for (const record of records as { id: string }[]) {
        // The stock style, one record alone, as citeproc formats it without our batching.
        const [alone] = new Cite([cslItem(record as never, context)]).format('bibliography', { format: 'html', template: style, lang: 'en-US', asEntryArray: true });
        const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/^\s*\d+\.\s*/, '').replace(/\s+/g, ' ').trim();
        expect(text(batch.get(record.id)!), `${style} ${record.id}`).toBe(text(alone![1]));
      }
    }
  });
});
