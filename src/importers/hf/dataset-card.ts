/**
 * A dataset card as a dataset record: pretty_name, license (license_link for
 * licences without an SPDX id), tags and task categories, source datasets,
 * the features of dataset_info as variables, and the responsible-AI facts
 * its template sections and creator tags state.
 */
import { standInCreators } from '../people.ts';
import { isRecord } from '../source-files.ts';
import type { ImportContext, ImportPlan } from '../types.ts';
import { spdxLicenseId } from '../licenses.ts';
import { raiFromCardSections } from '../responsible-ai.ts';
import { firstParagraph, heading, hubUrl, strings, type Card } from './card.ts';

type VariableType = 'integer' | 'float' | 'boolean' | 'text' | 'date' | 'image' | 'audio' | 'category';

/** Hugging Face datasets feature dtypes as variable types, matched in order. */
const dtypes: [RegExp, VariableType][] = [
  [/^u?int\d+$/, 'integer'],
  [/^(?:float|double|bfloat)\d*$/, 'float'],
  [/^bool$/, 'boolean'],
  [/^(?:large_)?string$/, 'text'],
  [/^(?:date|timestamp|time)\d*/, 'date'],
  [/^image$/, 'image'],
  [/^audio$/, 'audio'],
];

function variableType(feature: Record<string, unknown>): VariableType | undefined {
  const dtype = feature['dtype'];
  if (isRecord(dtype) && 'class_label' in dtype) return 'category';
  if (typeof dtype !== 'string') return undefined;
  return dtypes.find(([pattern]) => pattern.test(dtype))?.[1];
}

function variables(meta: Record<string, unknown>) {
  const infos = Array.isArray(meta['dataset_info']) ? meta['dataset_info'].filter(isRecord) : isRecord(meta['dataset_info']) ? [meta['dataset_info']] : [];
  const seen = new Set<string>();
  return infos
    .flatMap((info) => (Array.isArray(info['features']) ? info['features'].filter(isRecord) : []))
    .filter((feature) => typeof feature['name'] === 'string' && !seen.has(feature['name']) && seen.add(feature['name']))
    .map((feature) => {
      const type = variableType(feature);
      return { name: feature['name'] as string, ...(type && { type }) };
    });
}

export function datasetPlan(card: Card, context: ImportContext): ImportPlan {
  const notes: string[] = [];
  const { meta } = card;
  const name = typeof meta['pretty_name'] === 'string' ? meta['pretty_name'] : card.folderName;
  const title = typeof meta['pretty_name'] === 'string' ? meta['pretty_name'] : (heading(card.body) ?? name);
  const license = strings(meta['license'])[0];
  const spdx = spdxLicenseId(license);
  const licenseLink = typeof meta['license_link'] === 'string' && /^https?:\/\//.test(meta['license_link']) ? meta['license_link'] : undefined;
  if (license && !spdx && !licenseLink) notes.push(`HF dataset ${name}: licence "${license}" has no SPDX id and no license_link; set license by hand`);
  const keywords = [...new Set([...strings(meta['tags']), ...strings(meta['task_categories'])])];
  const sources = strings(meta['source_datasets'])
    .filter((source) => source !== 'original')
    .map((source) => hubUrl(source.replace(/^extended\|/, ''), 'dataset'));
  // The card's YAML says who made the text and the labels; its template sections say the rest.
  const creatorsOf = (key: string, what: string) => (strings(meta[key]).length ? [`${what}: ${strings(meta[key]).join(', ')}`] : []);
  const collectionType = [...creatorsOf('language_creators', 'language'), ...creatorsOf('annotations_creators', 'annotations')].join('; ');
  const responsibleAI = { ...(collectionType && { dataCollectionType: collectionType }), ...raiFromCardSections(card.body) };
  const fields = {
    title,
    description: firstParagraph(card.body) ?? `The dataset ${title}, as its Hugging Face card describes it.`,
    ...(context.project && { project: context.project }),
    creators: standInCreators(context.catalog, `HF dataset ${name}`, notes),
    ...(keywords.length && { keywords }),
    ...(spdx && { license: spdx }),
    ...(!spdx && licenseLink && { licenseUrl: licenseLink }),
    ...(variables(meta).length && { variables: variables(meta) }),
    ...(sources.length && { derivedFrom: sources }),
    ...(Object.keys(responsibleAI).length && { responsibleAI }),
  };
  notes.push(`HF dataset ${name}: dataset cards list no file checksums; add files (url, size, sha256) by hand`);
  return {
    records: [{ key: `dataset ${name}`, type: 'dataset', origin: { tool: 'hf', id: `dataset/${card.folderName}` }, name, fields, body: `Imported from the Hugging Face dataset card of ${name}.` }],
    notes,
  };
}
