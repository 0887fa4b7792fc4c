/**
 * Renamed records keep their old URLs: a small page at each former id sends
 * readers and harvesters to the new landing page (and names it canonical).
 */
import type { AnyRecord } from '../catalog/load.ts';
import type { MetadataContext } from '../metadata/context.ts';
import { landingPath } from '../catalog/urls.ts';
import { contentSecurityPolicy } from '../site/content-security-policy.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);

export interface Redirect {
  from: string;
  to: string;
  title: string;
}

export function redirectsOf(records: Iterable<AnyRecord>, context: MetadataContext): Redirect[] {
  const redirects: Redirect[] = [];
  for (const record of records) {
    const formerIds = 'formerIds' in record.data ? (record.data.formerIds ?? []) : [];
    const title = 'title' in record.data ? record.data.title : record.data.name;
    for (const formerId of formerIds) redirects.push({ from: landingPath(record.type, formerId), to: context.landingUrl(record), title });
  }
  return redirects;
}

export function redirectPage({ to, title }: Redirect): string {
  const url = escapeHtml(to);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="${contentSecurityPolicy}">
<title>Moved: ${escapeHtml(title)}</title>
<link rel="canonical" href="${url}">
<meta http-equiv="refresh" content="0; url=${url}">
<meta name="robots" content="noindex">
</head>
<body>
<p>This record has moved to <a href="${url}">${url}</a>.</p>
</body>
</html>
`;
}
