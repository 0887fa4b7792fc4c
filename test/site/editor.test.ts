import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminContentSecurityPolicy } from '../../src/editor/admin-page.ts';
import { editorConfig, editorSettings, renderEditorConfig } from '../../src/editor/config.ts';
import { builtSite } from './helpers.ts';

describe('the built web editor', () => {
  const example = builtSite('example');
  const settings = example.site.settings;
  const config = editorConfig(settings, { kind: 'repository', editor: editorSettings(settings)! }, 'content');

  it('is configured as the schemas say today', () => {
    expect(example.read('admin/config.yml')).toBe(renderEditorConfig(config));
  });

  it('loads only files of its own folder, with no inline script, under its own policy', () => {
    const page = example.read('admin/index.html');
    const sources = [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((match) => {
      expect(match[2]).toBe('');
      return /src="([^"]+)"/.exec(match[1]!)![1]!;
    });
    expect(sources).toEqual(['decap-cms.js', 'heliograph-admin.js']);
    for (const source of sources) expect(example.exists(`admin/${source}`)).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${adminContentSecurityPolicy(config)}">`);
    expect(adminContentSecurityPolicy(config)).toContain('connect-src \'self\' https://api.github.com');
  });

  it('adds no weight to the landing pages', () => {
    const pages = readdirSync(join(example.outDir, 'datasets'), { recursive: true, withFileTypes: true }).filter((entry) => entry.name === 'index.html');
    expect(pages.length).toBeGreaterThan(1);
    for (const entry of pages) expect(example.read(join('datasets', entry.parentPath.slice(join(example.outDir, 'datasets').length), 'index.html'))).not.toMatch(/decap|admin\//i);
    expect(example.read('index.html')).not.toMatch(/decap|heliograph-admin/i);
  });
});
