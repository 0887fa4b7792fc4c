/**
 * Reads one catalog file into a YAML document that keeps positions, so every
 * problem can point at the line of the offending key or value, nested or not.
 * Markdown files are split by gray-matter; their YAML is parsed by `yaml`.
 */
import matter from 'gray-matter';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { problem, type Position, type Problem } from '../diagnostics/problem.ts';

export interface SourceFile {
  /** Path as reported to users. */
  file: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** Markdown body after the front matter; empty for YAML files. */
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

export type ParsedSource = { source: SourceFile; problems: Problem[] } | { source?: undefined; problems: Problem[] };

const BOM = '\uFEFF';

function parseYaml(text: string, file: string): { document: Document.Parsed; lineCounter: LineCounter; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems = document.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    return problem({ code: 'yaml-syntax', file, field: '', line, column: col, message });
  });
  return { document, lineCounter, problems };
}

/** Parses a YAML record or a Markdown record with YAML front matter. */
export function parseSource(file: string, rawText: string, kind: 'yaml' | 'markdown'): ParsedSource {
  // Windows line endings would otherwise leave a "\r" on the front matter's last value.
  const text = (rawText.startsWith(BOM) ? rawText.slice(1) : rawText).replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    return { problems: [problem({ code: 'empty-file', file, field: '', message: 'the file is empty' })] };
  }
  if (kind === 'yaml') {
    const { document, lineCounter, problems } = parseYaml(text, file);
    return problems.length ? { problems } : { source: { file, document, lineCounter, body: '', bodyLine: 0 }, problems };
  }
  if (!/^---\n/.test(text)) {
    return {
      problems: [problem({ code: 'front-matter-missing', file, field: '', message: 'the file does not start with a "---" front matter block' })],
    };
  }
  // Passing options also keeps gray-matter from caching every file's text in memory.
  const parts = matter(text, { engines: { yaml: { parse: () => ({}) } } });
  const closed = text.slice(3 + parts.matter.length).match(/^\n---[ \t]*(?:\n|$)/);
  if (!closed) {
    return {
      problems: [problem({ code: 'front-matter-missing', file, field: '', message: 'the front matter is not closed by a "---" line' })],
    };
  }
  // The matter starts right after the opening "---", so its line 1 is the file's line 1.
  const { document, lineCounter, problems } = parseYaml(parts.matter, file);
  if (problems.length) return { problems };
  // Matter lines, then the closing "---" line, then the body.
  const bodyLine = parts.matter.split("\n").length + 2;
  return { source: { file, document, lineCounter, body: parts.content, bodyLine }, problems };
}

function positionOf(source: SourceFile, offset: number): Position {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * The position of a field: its key for `target: 'key'`, else its value. Where
 * the path does not exist (a missing field) the nearest existing parent is used.
 */
export function locate(source: SourceFile, path: readonly PropertyKey[], target: 'key' | 'value' = 'value'): Position {
  let node: Node | null | undefined = source.document.contents;
  let keyNode: Node | null | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      keyNode = undefined;
      node = node.items[segment] as Node;
    } else {
      break;
    }
  }
  const chosen = target === 'key' && keyNode ? keyNode : (node ?? keyNode);
  return chosen?.range ? positionOf(source, chosen.range[0]) : { line: 1, column: 1 };
}

/** Position of a map key that exists in the source (for unknown keys). */
export function locateKey(source: SourceFile, path: readonly PropertyKey[], key: string): Position {
  return locate(source, [...path, key], 'key');
}
