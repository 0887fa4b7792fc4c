/**
 * A Hugging Face card: README.md with YAML front matter (the metadata the Hub
 * reads) and a Markdown body (the prose). Whether it describes a model or a
 * dataset is told by the keys only one kind of card has.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { splitRecordFile } from '../record-text.ts';
import { isRecord, parseYaml, problemAt, readText } from '../source-files.ts';
import type { Read } from '../types.ts';

export interface Card {
  path: string;
  /** The folder the card is in, usually named after the repository. */
  folderName: string;
  kind: 'model' | 'dataset';
  meta: Record<string, unknown>;
  body: string;
  /** False for a README without YAML front matter, which is read as a model card with no metadata. */
  hasFrontMatter: boolean;
}

const DATASET_KEYS = ['dataset_info', 'task_categories', 'task_ids', 'configs', 'pretty_name', 'size_categories', 'source_datasets', 'annotations_creators', 'multilinguality'];
const MODEL_KEYS = ['model-index', 'base_model', 'library_name', 'pipeline_tag', 'model_name', 'inference', 'widget'];

export function readCard(path: string): Read<Card> {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'README.md') : path;
  const text = readText(file, 'README.md (the model or dataset card)');
  if (text.problems) return text;
  const normalized = text.value.replace(/\r\n?/g, '\n');
  const parts = splitRecordFile(normalized, 'markdown');
  const folderName = basename(dirname(file));
  if (!parts) return { value: { path: file, folderName, kind: 'model', meta: {}, body: normalized, hasFrontMatter: false } };
  const meta = parseYaml(parts.yaml, file);
  if (meta.problems) return meta;
  const data = meta.value;
  if (!isRecord(data)) return { problems: [problemAt(file, 'the front matter is not a mapping of keys')] };
  const isDataset = DATASET_KEYS.some((key) => key in data) && !MODEL_KEYS.some((key) => key in data);
  return {
    value: {
      path: file,
      folderName,
      kind: isDataset ? 'dataset' : 'model',
      meta: data,
      body: parts.tail.replace(/^---[ \t]*\n/, ''),
      hasFrontMatter: true,
    },
  };
}

/** The first "# " heading of the body. */
export function heading(body: string): string | undefined {
  return /^#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1];
}

/** The first paragraph of prose: not a heading, comment, list, table, image or code. */
export function firstParagraph(body: string): string | undefined {
  const notProse = /^(?:#|[-*+] |\d+\. |\||!\[|```|<)/;
  const paragraphs = body.replace(/<!--[\s\S]*?-->/g, '').split(/\n\s*\n/);
  for (const paragraph of paragraphs) {
    // A paragraph ends where a list or table starts, even without a blank line.
    const lines = paragraph.trim().split('\n');
    const end = lines.findIndex((line) => notProse.test(line.trim()));
    const prose = lines.slice(0, end === -1 ? undefined : end).map((line) => line.trim()).join(' ').trim();
    if (prose) return prose;
  }
  return undefined;
}

/** A Hub id ("imdb", "org/name") as the URL of its page; URLs stay as they are. */
export function hubUrl(id: string, kind: 'model' | 'dataset'): string {
  if (/^https?:\/\//.test(id)) return id;
  return `https://huggingface.co/${kind === 'dataset' ? 'datasets/' : ''}${id}`;
}

/** A key that may hold one string or a list of them. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
