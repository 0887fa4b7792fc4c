import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadCatalog } from '../../src/catalog/load.ts';
import { editorCollections } from '../../src/editor/collections.ts';
import { editorConfig, editorSettings } from '../../src/editor/config.ts';
import type { EditorField } from '../../src/editor/decap-types.ts';
import { recordTypeNames, recordTypes } from '../../src/schema/index.ts';
import { vocabulary } from '../../src/schema/vocabularies.ts';

const settings = loadCatalog('content').settings!;
const { collections, omitted } = editorCollections('content');
const collection = (name: string) => collections.find((candidate) => candidate.name === name)!;
const field = (fields: EditorField[], path: string): EditorField =>
  path.split('.').reduce<EditorField>((found, name, index) => (index === 0 ? fields : (found.fields ?? [found.field!])).find((candidate) => candidate.name === name)!, undefined as never);

describe('the web editor configuration', () => {
  it('has a collection for every record type, in its folder, with its extension', () => {
    for (const type of recordTypeNames) {
      const { folder, extensions } = recordTypes[type];
      const own = collections.filter((candidate) => candidate.folder === `content/${folder}`);
      expect(own.map((candidate) => `.${candidate.extension}`)).toEqual(expect.arrayContaining([extensions[0]]));
    }
    expect(collections.map((candidate) => candidate.name)).toEqual(['people', 'organizations', 'projects', 'datasets', 'models', 'runs', 'runs-yaml', 'software', 'workflows', 'instruments']);
  });

  it('requires exactly the fields the JSON Schemas require, and hints with their descriptions', () => {
    for (const type of recordTypeNames) {
      const json = z.toJSONSchema(recordTypes[type].schema, { io: 'input', unrepresentable: 'any' }) as { required?: string[]; properties: Record<string, { description?: string }> };
      const { fields } = collection(recordTypes[type].folder);
      expect(fields.filter((candidate) => candidate.required).map((candidate) => candidate.name).sort()).toEqual([...(json.required ?? [])].sort());
      for (const candidate of fields.filter((one) => one.name !== 'body')) {
        const description = json.properties[candidate.name]!.description;
        if (description) expect(candidate.hint).toContain(description);
      }
    }
  });

  it('picks references from the records they name, by title or name, storing the id', () => {
    const { fields } = collection('datasets');
    expect(field(fields, 'creators')).toMatchObject({ widget: 'relation', collection: 'people', search_fields: ['name'], value_field: '{{slug}}', multiple: true, min: 1, required: true });
    expect(field(fields, 'project')).toMatchObject({ widget: 'relation', collection: 'projects', search_fields: ['title'], required: false });
    expect(field(fields, 'contributors.agent')).toMatchObject({ widget: 'relation', collection: 'people' });
    expect(field(collection('projects').fields, 'funding.funder')).toMatchObject({ widget: 'relation', collection: 'organizations' });
    // DOIs and URLs may stand in for records there: typed, not picked.
    expect(field(fields, 'derivedFrom')).toMatchObject({ widget: 'list', field: { widget: 'string' } });
  });

  it('gives each type its widget: vocabularies as selects, nested files with size and checksum, dates, paragraphs, numbers', () => {
    const { fields } = collection('datasets');
    expect(field(fields, 'contributors.role')).toMatchObject({ widget: 'select', options: [...vocabulary.contributorType] });
    expect(field(fields, 'relatedIdentifiers.relationType').options).toEqual([...vocabulary.relationType]);
    expect(field(fields, 'license')).toMatchObject({ widget: 'select', required: false });
    expect(field(fields, 'license').options).toContain('CC-BY-4.0');
    expect(field(fields, 'datePublished')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
    expect(field(fields, 'description')).toMatchObject({ widget: 'text', required: true });
    expect(field(fields, 'files')).toMatchObject({ widget: 'list', summary: '{{fields.name}}' });
    expect(field(fields, 'files.size')).toMatchObject({ widget: 'number', value_type: 'int', min: 0, required: true });
    expect(field(fields, 'files.md5')).toMatchObject({ widget: 'string', required: false, pattern: ['^[0-9a-f]{32}$', 'must be an MD5 digest: 32 lowercase hex characters'] });
    expect(field(fields, 'access.level')).toMatchObject({ widget: 'select', options: ['open', 'restricted', 'embargoed'], required: false });
    expect(field(fields, 'body')).toMatchObject({ widget: 'markdown', modes: ['raw'] });
    expect(field(collection('runs').fields, 'startTime')).toMatchObject({ widget: 'datetime', required: true });
    expect(field(collection('models').fields, 'emissions.co2eKg')).toMatchObject({ widget: 'number', value_type: 'float', min: 0 });
    expect(field(collection('people').fields, 'orcid').label).toBe('ORCID');
  });

  it('edits the responsible-AI facts, each a list of statements (a paragraph each), which the schema accepts as well as one statement', () => {
    const rai = field(collection('datasets').fields, 'responsibleAI');
    expect(rai.widget).toBe('object');
    expect(rai.fields!.map((candidate) => candidate.name)).toEqual(expect.arrayContaining(['dataCollection', 'dataBiases', 'personalSensitiveInformation', 'prohibitedUses']));
    const biases = field(collection('datasets').fields, 'responsibleAI.dataBiases');
    expect(biases).toMatchObject({ widget: 'list', field: { widget: 'string' } });
    expect(omitted.map((entry) => entry.path).filter((path) => path.startsWith('dataset.responsibleAI'))).toEqual([]);
  });

  it('leaves out what a form cannot express, naming it', () => {
    expect(collection('runs').fields.map((candidate) => candidate.name)).not.toContain('metricHistory');
    expect(collection('datasets').fields.map((candidate) => candidate.name)).not.toContain('importedFrom');
    expect(omitted.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(['run.metricHistory', 'run.importedFrom', 'dataset.importedFrom', 'run.parameters', 'run.metrics', 'run.outputs', 'dataset.spatialCoverage.box']),
    );
  });

  it('saves through the editorial workflow on the repository catalog.yaml names', () => {
    const config = editorConfig(settings, { kind: 'repository', editor: editorSettings(settings)! }, 'content');
    expect(config.backend).toEqual({ name: 'github', repo: 'example-lab/heliograph-catalog', branch: 'main' });
    expect(config.publish_mode).toBe('editorial_workflow');
    const gitlab = editorSettings({ ...settings, editor: { backend: 'gitlab', repo: 'lab/data/catalog', branch: 'main', appId: 'abc' } })!;
    expect(editorConfig(settings, { kind: 'repository', editor: gitlab }, 'content').backend).toEqual({ name: 'gitlab', repo: 'lab/data/catalog', branch: 'main', app_id: 'abc', auth_type: 'pkce' });
    const forgejo = { backend: 'forgejo', repo: 'lab/catalog', branch: 'main', apiRoot: 'https://codeberg.org/api/v1', appId: 'x', openAuthoring: true } as const;
    expect(editorConfig(settings, { kind: 'repository', editor: forgejo }, 'content').publish_mode).toBe('editorial_workflow');
    // Decap's Gitea backend commits to the branch: no workflow is claimed for it.
    expect(editorConfig(settings, { kind: 'repository', editor: { ...forgejo, backend: 'gitea' } }, 'content').publish_mode).toBeUndefined();
    expect(editorSettings({ ...settings, repository: 'https://git.example.org/lab/catalog' })).toBeUndefined();
    expect(editorSettings({ ...settings, repository: undefined })).toBeUndefined();
    const local = editorConfig(settings, { kind: 'local', port: 9000 }, '');
    expect(local.backend).toEqual({ name: 'proxy', proxy_url: 'http://localhost:9000/api/v1', branch: 'main' });
    expect(local.publish_mode).toBeUndefined();
    expect(local.collections[0]!.folder).toBe('people');
  });
});
