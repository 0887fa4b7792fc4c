/**
 * Reads one catalog file. Markdown files are split by gray-matter. The YAML is
 * read by js-yaml, which is an order of magnitude faster; only when a problem
 * needs a position is it parsed again by `yaml`, which keeps positions for
 * every key and value, nested or not. Both read YAML 1.2 with the core schema.
 */
import matter from 'gray-matter';
import jsYaml from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { formatField, problem, type Position, type Problem } from '../diagnostics/problem.ts';
import { cleanStrings, mayHoldControlCharacters, withoutControlCharacters, type Removal } from './control-characters.ts';
import { aliasBombOffset, isNestingLimit, reservedKeyPaths } from './yaml-hazards.ts';

interface PositionedDocument {
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export interface SourceFile {
  /** Path as reported to users. */
  file: string;
  /** The parsed YAML fields. */
  data: unknown;
  /** Markdown body after the front matter; empty for YAML files. */
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** The YAML with source positions, parsed on first use. */
  positioned(): PositionedDocument;
}

export type ParsedSource = { source: SourceFile; problems: Problem[] } | { source?: undefined; problems: Problem[] };

const BOM = '\uFEFF';

function parsePositioned(text: string): PositionedDocument {
  const lineCounter = new LineCounter();
  return { document: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true }), lineCounter };
}

const TABS_HINT = 'Indent with spaces: YAML does not allow tabs in indentation (set your editor to insert spaces for .md and .yaml files).';

/**
 * Syntax problems, located by `yaml`; js-yaml's own report where only it objects.
 * One mistake repeated on many lines (tabs, typically) is one problem naming the lines.
 */
function syntaxProblems(text: string, file: string, jsYamlError: jsYaml.YAMLException): Problem[] {
  const { line = 0, column = 0 } = jsYamlError.mark ?? {};
  if (isNestingLimit(jsYamlError)) {
    // Never handed to `yaml`, whose recursive parser would take seconds to overflow its stack.
    return [problem({ code: 'yaml-limit', file, field: '', line: line + 1, column: column + 1, message: 'nested more than 100 levels deep' })];
  }
  const { document, lineCounter } = parsePositioned(text);
  if (document.errors.length === 0) {
    return [problem({ code: 'yaml-syntax', file, field: '', line: line + 1, column: column + 1, message: jsYamlError.reason })];
  }
  const byMessage = new Map<string, Position[]>();
  for (const error of document.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    byMessage.set(message, [...(byMessage.get(message) ?? []), { line, column: col }]);
  }
  return [...byMessage].map(([message, [first, ...more]]) =>
    problem({
      code: 'yaml-syntax',
      file,
      field: '',
      ...first!,
      message: more.length ? `${message} (also on line${more.length > 1 ? 's' : ''} ${more.map((at) => at.line).join(', ')})` : message,
      hint: /tab/i.test(message) ? TABS_HINT : undefined,
    }),
  );
}

/** Aliases that expand without bound, or keys that bend objects: one error each, and the data goes no further. */
function hazardProblems(text: string, source: SourceFile): Problem[] {
  const { file } = source;
  if (text.includes('*')) {
    const { document, lineCounter } = source.positioned();
    const offset = aliasBombOffset(document);
    if (offset !== undefined) {
      const at = positionOf(lineCounter, offset);
      return [problem({ code: 'yaml-limit', file, field: '', ...at, message: 'aliases expand into far more values than the file holds (an alias bomb)' })];
    }
  }
  // A reserved key is spelled out in the text, or written with an escape.
  if (!/__proto__|constructor|prototype|\\/.test(text)) return [];
  return reservedKeyPaths(source.data).map((path) =>
    problem({
      code: 'reserved-key',
      file,
      field: formatField(path),
      ...locate(source, path, 'key'),
      message: `"${String(path.at(-1))}" cannot be a key: JavaScript objects give it a special meaning`,
    }),
  );
}

function parseYaml(text: string, file: string, body: string, bodyLine: number): ParsedSource {
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: file });
  } catch (error) {
    if (!(error instanceof jsYaml.YAMLException)) throw error;
    return { problems: syntaxProblems(text, file, error) };
  }
  let positioned: PositionedDocument | undefined;
  const positionedDocument = () => (positioned ??= parsePositioned(text));
  const hazards = hazardProblems(text, { file, data, body, bodyLine, positioned: positionedDocument });
  if (hazards.length) return { problems: hazards };
  const removals: Removal[] = [];
  // A parsed string holds a control character only if the text does, or spells one with an escape.
  const cleanData = mayHoldControlCharacters(text) ? cleanStrings(data, removals) : data;
  const cleanBody = withoutControlCharacters(body);
  const source: SourceFile = { file, data: cleanData, body: cleanBody.text, bodyLine, positioned: positionedDocument };
  const removed = (characters: string[]) => `control characters ${characters.join(', ')} removed: pages and XML cannot carry them`;
  const problems = removals.map(({ path, characters }) =>
    problem({ code: 'control-character', file, field: formatField(path), ...locate(source, path), message: removed(characters) }),
  );
  if (cleanBody.removed.length) problems.push(problem({ code: 'control-character', file, field: 'body', line: bodyLine, message: removed(cleanBody.removed) }));
  return { source, problems };
}

/** Parses a YAML record or a Markdown record with YAML front matter. */
export function parseSource(file: string, rawText: string, kind: 'yaml' | 'markdown'): ParsedSource {
  // Windows line endings would otherwise leave a "\r" on the front matter's last value.
  const text = (rawText.startsWith(BOM) ? rawText.slice(1) : rawText).replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    return { problems: [problem({ code: 'empty-file', file, field: '', message: 'the file is empty' })] };
  }
  if (kind === 'yaml') return parseYaml(text, file, '', 0);
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
  // The matter starts right after the opening "---", so its line 1 is the file's line 1;
  // then come its lines, the closing "---" line, and the body.
  return parseYaml(parts.matter, file, parts.content, parts.matter.split('\n').length + 2);
}

function positionOf(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * The position of a field: its key for `target: 'key'`, else its value. Where
 * the path does not exist (a missing field) the nearest existing parent is used.
 */
export function locate(source: SourceFile, path: readonly PropertyKey[], target: 'key' | 'value' = 'value'): Position {
  const { document, lineCounter } = source.positioned();
  let node: Node | null | undefined = document.contents;
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
  return chosen?.range ? positionOf(lineCounter, chosen.range[0]) : { line: 1, column: 1 };
}

/** Position of a map key that exists in the source (for unknown keys). */
export function locateKey(source: SourceFile, path: readonly PropertyKey[], key: string): Position {
  return locate(source, [...path, key], 'key');
}
