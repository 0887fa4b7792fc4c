/**
 * A record file split into its YAML and what surrounds it, so that tools
 * writing a record (importers, the web editor) change the YAML and copy the
 * rest byte for byte. Free of Node APIs: the web editor runs it in the browser.
 */
export interface RecordFileParts {
  /** Everything before the YAML: "---\n" for Markdown, "" for YAML files. */
  head: string;
  yaml: string;
  /** Everything after the YAML: the closing "---" line and the body. */
  tail: string;
}

/** Splits a record file; undefined when a Markdown file has no closed front matter. */
export function splitRecordFile(text: string, kind: 'markdown' | 'yaml'): RecordFileParts | undefined {
  if (kind === 'yaml') return { head: '', yaml: text, tail: '' };
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const start = open[0].length;
  const close = /(?:^|\n)---[ \t]*(?:\r?\n|$)/.exec(text.slice(start));
  if (!close) return undefined;
  const end = start + close.index + (close[0].startsWith('\n') ? 1 : 0);
  return { head: text.slice(0, start), yaml: text.slice(start, end), tail: text.slice(end) };
}
