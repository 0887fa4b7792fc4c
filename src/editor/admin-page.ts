/**
 * The /admin/ page: Decap's bundle and the admin script from files beside
 * it (nothing from a CDN), no inline script, and a Content-Security-Policy of
 * its own. Decap needs more than the landing pages get: 'unsafe-eval' (it
 * compiles its configuration schema with ajv), inline styles (its components
 * are styled at run time), and connections to the Git host's API.
 */
import type { EditorConfig } from './decap-types.ts';

export const DECAP_SCRIPT = 'decap-cms.js';
export const ADMIN_SCRIPT = 'heliograph-admin.js';

const HOST_APIS: Record<string, string> = { github: 'https://api.github.com', gitlab: 'https://gitlab.com' };

function origin(url: string | undefined): string[] {
  return url ? [new URL(url).origin] : [];
}

/** Where the editor's requests go: the Git host's API, its sign-in server, or the local proxy. */
function connectSources(config: EditorConfig): string[] {
  const { backend } = config;
  const sources = [...origin(backend.proxy_url), ...origin(backend.api_root ?? HOST_APIS[backend.name]), ...origin(backend.base_url)];
  return ["'self'", ...new Set(sources)];
}

export function adminContentSecurityPolicy(config: EditorConfig): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src ${connectSources(config).join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

export function adminPage(title: string, language: string, config: EditorConfig): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(adminContentSecurityPolicy(config))}">
<title>Edit · ${escapeHtml(title)}</title>
</head>
<body>
<script src="${DECAP_SCRIPT}"></script>
<script src="${ADMIN_SCRIPT}"></script>
</body>
</html>
`;
}
