/**
 * A model card as a model record: license, datasets → trainedOn, base_model →
 * baseModel (fine-tuned from), library_name → framework, pipeline_tag (or
 * what the Hub infers it from, task.ts) → task, tags → keywords, model-index
 * results → evaluation.
 */
import { standInCreators } from '../people.ts';
import { isRecord } from '../source-files.ts';
import type { ImportContext, ImportPlan } from '../types.ts';
import { spdxLicenseId } from '../licenses.ts';
import { firstParagraph, heading, hubUrl, strings, type Card } from './card.ts';
import { inferTask } from './task.ts';

interface Evaluation {
  dataset: string;
  split?: string;
  metric: string;
  value: number;
}

function modelIndex(meta: Record<string, unknown>): Record<string, unknown>[] {
  const index = meta['model-index'];
  return Array.isArray(index) ? index.filter(isRecord) : [];
}

/** model-index results: each metric of each result on its dataset and split. */
function evaluations(card: Card, notes: string[]): Evaluation[] {
  const results = modelIndex(card.meta).flatMap((model) => (Array.isArray(model['results']) ? model['results'].filter(isRecord) : []));
  return results.flatMap((result) => {
    const dataset = isRecord(result['dataset']) ? result['dataset'] : {};
    const id = typeof dataset['type'] === 'string' ? dataset['type'] : typeof dataset['name'] === 'string' ? dataset['name'] : undefined;
    const metrics = Array.isArray(result['metrics']) ? result['metrics'].filter(isRecord) : [];
    if (!id) return [];
    return metrics.flatMap((metric) => {
      const name = typeof metric['name'] === 'string' ? metric['name'] : metric['type'];
      if (typeof metric['value'] !== 'number' || typeof name !== 'string') {
        notes.push(`HF model card: result "${String(name)}" on ${id} is not a number; left out of evaluation`);
        return [];
      }
      return [{ dataset: hubUrl(id, 'dataset'), ...(typeof dataset['split'] === 'string' && { split: dataset['split'] }), metric: name, value: metric['value'] }];
    });
  });
}

export function modelPlan(card: Card, context: ImportContext): ImportPlan {
  const notes: string[] = [];
  const { meta } = card;
  const name = (modelIndex(meta)[0]?.['name'] as string | undefined) ?? (meta['model_name'] as string | undefined) ?? card.folderName;
  const title = heading(card.body) ?? name;
  const inferred = inferTask(card);
  if (!inferred) notes.push(`HF model ${name}: the card names no task (no pipeline_tag, model-index task, task tag, single-task library or known architecture); task left out, add it by hand`);
  else if (inferred.from) notes.push(`HF model ${name}: no pipeline_tag; task "${inferred.task}" taken from ${inferred.from}, as the Hub does`);
  if (!card.hasFrontMatter) notes.push(`HF model ${name}: the card has no YAML front matter; imported as a model from its heading, first paragraph and folder name (add front matter, e.g. pretty_name for a dataset card)`);
  const license = strings(meta['license'])[0];
  const spdx = spdxLicenseId(license);
  if (license && !spdx) notes.push(`HF model ${name}: licence "${license}" has no SPDX id, so the catalog's default would apply; set license by hand`);
  const bases = strings(meta['base_model']);
  if (bases.length > 1) notes.push(`HF model ${name}: merged from ${bases.length} base models; baseModel names the first`);
  const datasets = strings(meta['datasets']).map((id) => hubUrl(id, 'dataset'));
  const evaluation = evaluations(card, notes);
  const keywords = [...new Set(strings(meta['tags']))];
  const fields = {
    title,
    description: firstParagraph(card.body) ?? `The model ${title}, as its Hugging Face card describes it.`,
    ...(context.project && { project: context.project }),
    creators: standInCreators(context.catalog, `HF model ${name}`, notes),
    ...(keywords.length && { keywords }),
    ...(spdx && { license: spdx }),
    ...(inferred && { task: inferred.task }),
    ...(typeof meta['library_name'] === 'string' && { framework: { name: meta['library_name'] } }),
    ...(bases[0] && { baseModel: hubUrl(bases[0], 'model') }),
    ...(datasets.length && { trainedOn: datasets }),
    ...(evaluation.length && { evaluation }),
  };
  return {
    records: [{ key: `model ${name}`, type: 'model', origin: { tool: 'hf', id: `model/${name}` }, name, fields, body: `Imported from the Hugging Face model card of ${name}. The card's own text is in its repository; summarise what matters here.` }],
    notes,
  };
}
