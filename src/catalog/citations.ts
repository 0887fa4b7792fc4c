/**
 * Pandoc-style citations ([@key], [see @key, p. 3; @other]) in Markdown bodies,
 * and the keys a BibTeX file defines.
 */

const BRACKET = /\[[^\[\]]*?@[^\[\]]*\]/g;
const KEY_IN_BRACKET = /(?:^|[\s\[;-])@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)/gu;
const BIB_ENTRY = /@(\w+)\s*[{(]\s*([^,\s]+)\s*,/g;

export interface CitationUse {
  key: string;
  /** 0-based offset in the body. */
  offset: number;
}

const CODE = /```[\s\S]*?```|`[^`\n]*`/g;

/** Code is blanked out, not removed, so offsets still point into the original body. */
function withoutCode(body: string): string {
  return body.replace(CODE, (code) => code.replace(/[^\n]/g, ' '));
}

export function citationsIn(body: string): CitationUse[] {
  const uses: CitationUse[] = [];
  for (const bracket of withoutCode(body).matchAll(BRACKET)) {
    for (const match of bracket[0].matchAll(KEY_IN_BRACKET)) {
      uses.push({ key: match[1]!.replace(/[.:]+$/, ''), offset: bracket.index + match.index });
    }
  }
  return uses;
}

export function bibliographyKeys(bibtex: string): Set<string> {
  const keys = new Set<string>();
  for (const match of bibtex.matchAll(BIB_ENTRY)) {
    if (!/^(?:comment|string|preamble)$/i.test(match[1]!)) keys.add(match[2]!);
  }
  return keys;
}

export function citesAnything(body: string): boolean {
  return citationsIn(body).length > 0;
}
