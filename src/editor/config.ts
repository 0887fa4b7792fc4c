/**
 * The whole Decap CMS configuration of a catalog: where it saves (a branch
 * and pull request on the catalog's repository, or the local proxy of
 * `npm run edit`) and the collections generated from the schemas. A pure
 * function of the catalog settings, so a test regenerates it and compares it
 * with the built /admin/config.yml.
 */
import { stringify } from 'yaml';
import type { CatalogSettings, EditorSettings } from '../schema/catalog.ts';
import type { EditorBackend, EditorConfig } from './decap-types.ts';
import { editorCollections } from './collections.ts';

export const ADMIN_FOLDER = 'admin';
export const CONFIG_FILE = 'config.yml';
/** Where `npm run edit` runs decap-server, Decap's proxy to a local folder. */
export const LOCAL_PROXY_PORT = 8081;

/** Backends whose Decap implementation has the editorial workflow (a branch and pull request per change). */
const REVIEWED_BACKENDS = new Set<EditorSettings['backend']>(['github', 'gitlab', 'forgejo']);

/** Editor settings from `editor` in catalog.yaml, else from a github.com or gitlab.com `repository`. */
export function editorSettings(settings: CatalogSettings): EditorSettings | undefined {
  if (settings.editor) return settings.editor;
  if (!settings.repository) return undefined;
  const url = new URL(settings.repository);
  const backend = ({ 'github.com': 'github', 'gitlab.com': 'gitlab' } as const)[url.hostname];
  const repo = url.pathname.replace(/^\/|\/$|\.git$/g, '');
  return backend && repo.includes('/') ? { backend, repo, branch: 'main' } : undefined;
}

function remoteBackend(editor: EditorSettings): EditorBackend {
  return {
    name: editor.backend,
    repo: editor.repo,
    branch: editor.branch,
    ...(editor.apiRoot && { api_root: editor.apiRoot }),
    ...(editor.baseUrl && { base_url: editor.baseUrl }),
    ...(editor.authEndpoint && { auth_endpoint: editor.authEndpoint }),
    ...(editor.appId && { app_id: editor.appId, auth_type: 'pkce' as const }),
    ...(editor.openAuthoring && { open_authoring: true }),
  };
}

export type EditorTarget = { kind: 'repository'; editor: EditorSettings } | { kind: 'local'; port: number };

/**
 * `contentPath` is the catalog folder inside what the backend edits: the
 * repository (e.g. "content"), or "" when the local proxy serves the catalog
 * folder itself.
 */
export function editorConfig(settings: CatalogSettings, target: EditorTarget, contentPath: string): EditorConfig {
  const backend: EditorBackend =
    target.kind === 'local'
      ? { name: 'proxy', proxy_url: `http://localhost:${target.port}/api/v1`, branch: 'main' }
      : remoteBackend(target.editor);
  return {
    backend,
    // Every change is a branch and a pull request, reviewed and checked like any other.
    ...(target.kind === 'repository' && REVIEWED_BACKENDS.has(target.editor.backend) && { publish_mode: 'editorial_workflow' as const }),
    site_url: settings.url,
    display_url: settings.url,
    // Records hold no uploads; Decap requires a media folder all the same.
    media_folder: [contentPath, 'media'].filter(Boolean).join('/'),
    public_folder: '/media',
    omit_empty_optional_fields: true,
    collections: editorCollections(contentPath).collections,
  };
}

export function renderEditorConfig(config: EditorConfig): string {
  return `# Generated from the catalog schemas by Heliograph: do not edit.\n${stringify(config, { lineWidth: 0 })}`;
}
