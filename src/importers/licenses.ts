/** Licences as sources name them ("mit", a Creative Commons URL), read as SPDX ids. */
import spdxIds from 'spdx-license-ids/index.json' with { type: 'json' };

const spdxByLowerCase = new Map(spdxIds.map((id) => [id.toLowerCase(), id]));

/** Creative Commons licence URLs by the SPDX id they are. */
function creativeCommonsId(url: URL): string | undefined {
  const match = /^\/licenses\/([a-z-]+)\/(\d\.\d)(?:\/([a-z]{2}))?\/?$/.exec(url.pathname);
  if (url.hostname !== 'creativecommons.org' || !match) return undefined;
  return spdxByLowerCase.get(`cc-${match[1]}-${match[2]}${match[3] ? `-${match[3]}` : ''}`);
}

/**
 * The SPDX id a licence is named by: an id in any case ("mit", "afl-3.0"), an
 * spdx.org licence URL, or a Creative Commons licence URL. Undefined when it is none of these.
 */
export function spdxLicenseId(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const exact = spdxByLowerCase.get(text.trim().toLowerCase());
  if (exact) return exact;
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  if (url.hostname === 'spdx.org') return spdxByLowerCase.get(url.pathname.replace(/\.html$/, '').replace(/^\/licenses\//, '').toLowerCase());
  return creativeCommonsId(url);
}
