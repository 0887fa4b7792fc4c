/**
 * JSON-LD embedded in a page's <script type="application/ld+json">. The HTML
 * parser ends the script at the first "</script" whatever the JSON says, and
 * "<!--" changes how it reads on; escaping every "<" as \u003c rules both out
 * while JSON.parse still returns the same document. U+2028 and U+2029 are
 * escaped too, for readers that treat the text as JavaScript.
 */
const unsafe: Record<string, string> = {
  '<': '\\u003c',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function jsonLdScript(document: unknown): string {
  return JSON.stringify(document).replace(/[<\u2028\u2029]/g, (character) => unsafe[character] ?? character);
}
