/**
 * Writes the web editor into a folder (dist/admin/ for the site, a temporary
 * one for `npm run edit`): the page, the generated config.yml, Decap's bundle
 * copied from node_modules, and the admin script bundled by esbuild.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { build } from 'esbuild';
import type { CatalogSettings } from '../schema/catalog.ts';
import { ADMIN_SCRIPT, DECAP_SCRIPT, adminPage } from './admin-page.ts';
import { ADMIN_FOLDER, CONFIG_FILE, editorConfig, editorSettings, renderEditorConfig, type EditorTarget } from './config.ts';

/** decap-cms.js, the chunks it loads on demand and its WebAssembly, without source maps. */
const DECAP_FILES = /^(?:decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm|decap-cms\.js\.LICENSE\.txt)$/;

function copyDecap(projectRoot: string, folder: string): void {
  const dist = dirname(createRequire(join(projectRoot, 'package.json')).resolve(`decap-cms/dist/${DECAP_SCRIPT}`));
  for (const name of readdirSync(dist)) if (DECAP_FILES.test(name)) copyFileSync(join(dist, name), join(folder, name));
}

async function bundleAdminScript(projectRoot: string): Promise<string> {
  const result = await build({
    entryPoints: [join(projectRoot, 'src/editor/browser/admin.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export interface AdminOptions {
  projectRoot: string;
  settings: CatalogSettings;
  target: EditorTarget;
  /** The catalog folder inside what the backend edits (see editorConfig). */
  contentPath: string;
}

export async function writeAdmin(folder: string, options: AdminOptions): Promise<void> {
  const config = editorConfig(options.settings, options.target, options.contentPath);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, CONFIG_FILE), renderEditorConfig(config));
  writeFileSync(join(folder, 'index.html'), adminPage(options.settings.title, options.settings.language, config));
  writeFileSync(join(folder, ADMIN_SCRIPT), await bundleAdminScript(options.projectRoot));
  copyDecap(options.projectRoot, folder);
}

/**
 * The site's /admin/: saving to the catalog's repository as pull requests.
 * Undefined (nothing written) when catalog.yaml names no repository the
 * editor can save to.
 */
export async function writeSiteAdmin(outDir: string, projectRoot: string, catalogFolder: string, settings: CatalogSettings): Promise<string | undefined> {
  const editor = editorSettings(settings);
  if (!editor) return undefined;
  const folder = join(outDir, ADMIN_FOLDER);
  const contentPath = relative(projectRoot, catalogFolder).split(sep).join('/');
  await writeAdmin(folder, { projectRoot, settings, target: { kind: 'repository', editor }, contentPath });
  return folder;
}
