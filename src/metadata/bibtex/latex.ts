/**
 * Plain text to BibTeX field values. citation-js escapes on its own only in
 * ASCII mode, which drops every character it has no LaTeX command for (a
 * Cyrillic or Chinese title would vanish) and leaves one-part names, that is
 * organizations, unescaped ("R&D Lab" stops LaTeX). So the item is escaped
 * here and citation-js writes it as given: LaTeX's special characters become
 * commands, everything else stays Unicode, which LaTeX (UTF-8 by default
 * since 2018), biber, JabRef and Zotero all read.
 */
import type { CslItem, CslName } from '../csl/item.ts';

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // BibTeX counts braces whether escaped or not, so "\{" would unbalance the entry.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // With the default OT1 font encoding a bare "<" prints as "¡".
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

export function escapeLatex(text: string): string {
  return text.replace(/[\\{}&%$#_~^<>]/g, (char) => SPECIALS[char] ?? char);
}

/**
 * Styles that abbreviate given names take their first character, which for
 * "Åsa" is half a UTF-8 sequence; a brace group is taken whole ("{Å}.").
 */
function escapeNamePart(part: string): string {
  return escapeLatex(part).replace(/[^\x00-\x7F]+/g, (run) => `{${run}}`);
}

function escapeName(name: CslName): CslName {
  if (name.literal !== undefined) return { literal: escapeLatex(name.literal) };
  return {
    ...(name.family !== undefined && { family: escapeNamePart(name.family) }),
    ...(name.given !== undefined && { given: escapeNamePart(name.given) }),
  };
}

const TEXT_FIELDS = ['title', 'genre', 'publisher', 'version', 'abstract', 'keyword', 'status', 'note'] as const;

/** The item with every text value escaped; DOI and URL stay verbatim, as BibTeX styles print them with \url. */
export function latexItem(item: CslItem): CslItem {
  const escaped: CslItem = { ...item, author: item.author.map(escapeName) };
  for (const field of TEXT_FIELDS) {
    const value = item[field];
    if (value !== undefined) escaped[field] = escapeLatex(value);
  }
  return escaped;
}
