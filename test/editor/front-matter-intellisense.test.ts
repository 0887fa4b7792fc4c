/**
 * Markdown records get completion, hover and validation from the zod schemas
 * in VS Code through the Astro language server (the engine of the Astro
 * extension), with experimental.contentIntellisense: `astro sync` writes each
 * collection's JSON Schema and a map of record files to collections into
 * .astro/collections/. This asks the language server itself.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { recordTypes, type RecordType } from '../../src/schema/index.ts';
import { startLanguageServer, type LspClient } from '../helpers/lsp-client.ts';

const ROOT = resolve('.');
const COLLECTIONS = join(ROOT, '.astro', 'collections');
const markdownTypes = (Object.keys(recordTypes) as RecordType[]).filter((type) => (recordTypes[type].extensions as readonly string[]).includes('.md'));
const datasetFile = join(ROOT, 'content', 'datasets', 'fashion-mnist.md');
const uri = pathToFileURL(datasetFile).href;

interface Hover {
  contents: { value: string } | string;
}
interface CompletionList {
  items: { label: string }[];
}
interface DocumentDiagnostics {
  items: { message: string; range: { start: { line: number } } }[];
}

let server: LspClient;
let version = 0;

function open(text: string): void {
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: ++version, text } });
}
function change(text: string): void {
  server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
}
const hoverText = (hover: Hover | null) => (typeof hover?.contents === 'string' ? hover.contents : (hover?.contents.value ?? ''));

beforeAll(async () => {
  const sync = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync'], { cwd: ROOT, encoding: 'utf8' });
  expect(sync.status, sync.stderr).toBe(0);
  server = startLanguageServer(process.execPath, ['node_modules/@astrojs/language-server/bin/nodeServer.js', '--stdio'], ROOT);
  await server.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(ROOT).href,
    workspaceFolders: [{ uri: pathToFileURL(ROOT).href, name: 'heliograph' }],
    initializationOptions: { typescript: { tsdk: join(ROOT, 'node_modules', 'typescript', 'lib') }, contentIntellisense: true },
    capabilities: {
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } },
        diagnostic: {},
      },
      workspace: { configuration: true, workspaceFolders: true },
    },
  });
  server.notify('initialized', {});
  open(readFileSync(datasetFile, 'utf8'));
}, 120_000);

afterAll(() => server?.close());

// The language server loads TypeScript and the schemas on its first request.
describe('front matter help in editors', { timeout: 60_000 }, () => {
  it('every Markdown record type has a JSON Schema from its zod schema, and every Markdown record file is mapped to it', () => {
    const manifest = JSON.parse(readFileSync(join(COLLECTIONS, 'collections.json'), 'utf8')) as { collections: { name: string; hasSchema: boolean }[]; entries: Record<string, string> };
    for (const type of markdownTypes) {
      const { folder, schema } = recordTypes[type];
      expect(manifest.collections).toContainEqual({ name: folder, hasSchema: true });
      const jsonSchema = JSON.parse(readFileSync(join(COLLECTIONS, `${folder}.schema.json`), 'utf8')) as { properties: Record<string, { description?: string }>; required: string[] };
      const shape = (schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
      expect(jsonSchema.properties.title?.description).toBe(shape.title!.description);
      expect(jsonSchema.required).toContain('title');
      for (const file of readdirSync(join(ROOT, 'content', folder)).filter((name) => name.endsWith('.md'))) {
        expect(manifest.entries[pathToFileURL(join(ROOT, 'content', folder, file)).href.toLowerCase()], file).toBe(folder);
      }
    }
  });

  it('hover on a front matter key shows the schema description', async () => {
    const hover = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    const shape = (recordTypes.dataset.schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
    expect(hoverText(hover)).toContain(shape.title!.description);
  });

  it('completion at a new line of the front matter offers the fields of the type', async () => {
    change('---\ntitle: A dataset\n\n---\nBody.\n');
    const completion = await server.request<CompletionList | { label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } });
    const labels = (Array.isArray(completion) ? completion : completion.items).map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['description', 'creators', 'license', 'datePublished']));
  });

  it('a field of the wrong type is reported at its line', async () => {
    change('---\ntitle: A dataset\ndescription: A dataset made to see an editor report a wrong type.\ncreators: [ada]\nkeywords: 42\n---\nBody.\n');
    const report = await server.request<DocumentDiagnostics>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.items.map((item) => item.range.start.line)).toContain(4);
  });
});
