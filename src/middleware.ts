/**
 * HTML forbids C0 control characters (other than tab and line breaks). They can
 * reach a page from metadata pasted out of other tools; drop them from every
 * page, as the XML exports do, rather than publish an invalid document.
 */
import { defineMiddleware } from 'astro:middleware';

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  return new Response(html.replace(FORBIDDEN, ''), { status: response.status, headers: response.headers });
});
