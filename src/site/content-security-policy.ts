/**
 * The Content-Security-Policy every built page carries, as a <meta> tag (a
 * static site sets no headers). Scripts run only from the site's own files:
 * Astro's bundles and Pagefind's, whose search index is WebAssembly. No inline
 * script or event-handler attribute runs, whatever a body might smuggle past
 * the sanitizer; JSON-LD blocks are data and are not affected. Shiki colours
 * code with style attributes, so those stay allowed; style sheets come from files.
 */
const directives: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  // Bodies may show images from elsewhere, over https; Pagefind's style sheet draws its icon as a data: URL
  // (an image cannot run script; bodies lose data: URLs to the sanitizer).
  'img-src': ["'self'", 'https:', 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

export const contentSecurityPolicy = Object.entries(directives)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');
