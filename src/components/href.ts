/** Prefixes site-relative paths with the base path the site is published under. */
export function href(path: string): string {
  if (/^[a-z]+:/i.test(path)) return path;
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}${path}`;
}
