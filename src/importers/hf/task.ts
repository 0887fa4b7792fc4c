/**
 * The task of a model whose card has no pipeline_tag, found where the Hub
 * finds it: a model-index result's task.type, a tag that is one of the Hub's
 * pipeline types, the one task a library serves, or the head of the
 * transformers architecture in config.json beside the card. Undefined when
 * none says; the model is then imported without a task for a person to add.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import hubTasks from './hub-tasks.json' with { type: 'json' };
import { isRecord, readJson } from '../source-files.ts';
import { strings, type Card } from './card.ts';

const libraryTasks: Record<string, string> = hubTasks.libraryTasks;
const architectureTasks = Object.entries(hubTasks.architectureTasks as Record<string, string>);

export interface InferredTask {
  task: string;
  /** Where it was found, for the import's note; undefined for pipeline_tag itself. */
  from?: string;
}

function fromModelIndex(meta: Record<string, unknown>): string | undefined {
  const index = Array.isArray(meta['model-index']) ? meta['model-index'].filter(isRecord) : [];
  for (const model of index) {
    for (const result of Array.isArray(model['results']) ? model['results'].filter(isRecord) : []) {
      const type = isRecord(result['task']) ? result['task']['type'] : undefined;
      if (typeof type === 'string' && type) return type;
    }
  }
  return undefined;
}

/** Of the tags that are pipeline types, the one the Hub lists first. */
function fromTags(meta: Record<string, unknown>): string | undefined {
  const tags = new Set(strings(meta['tags']));
  return hubTasks.pipelineTypes.find((type) => tags.has(type));
}

function fromConfig(card: Card): string | undefined {
  const path = join(dirname(card.path), 'config.json');
  const config = existsSync(path) ? readJson(path).value : undefined;
  const architectures = isRecord(config) ? strings(config['architectures']) : [];
  for (const architecture of architectures) {
    const match = architectureTasks.find(([suffix]) => architecture.endsWith(suffix));
    if (match) return match[1];
  }
  return undefined;
}

export function inferTask(card: Card): InferredTask | undefined {
  const { meta } = card;
  if (typeof meta['pipeline_tag'] === 'string' && meta['pipeline_tag']) return { task: meta['pipeline_tag'] };
  const library = typeof meta['library_name'] === 'string' ? meta['library_name'] : undefined;
  const candidates: [string | undefined, string][] = [
    [fromModelIndex(meta), 'model-index task.type'],
    [fromTags(meta), 'a tag that is a Hub pipeline type'],
    [library ? libraryTasks[library] : undefined, `library_name ${library}`],
    [fromConfig(card), 'the architecture in config.json'],
  ];
  const found = candidates.find(([task]) => task);
  return found && { task: found[0]!, from: found[1] };
}
