/** `npm run import -- hf <repository folder | README.md>`: a Hugging Face model card or dataset card. */
import { resolve } from 'node:path';
import { failed, type Importer } from '../types.ts';
import { readCard } from './card.ts';
import { datasetPlan } from './dataset-card.ts';
import { modelPlan } from './model-card.ts';

export const hfImporter: Importer = {
  name: 'hf',
  source: 'a Hugging Face model or dataset card (README.md, or the folder holding it)',
  async plan(path, context) {
    const card = readCard(resolve(path));
    if (card.problems) return failed(...card.problems);
    if (card.value.kind === 'dataset') return { plan: datasetPlan(card.value, context) };
    return { plan: modelPlan(card.value, context) };
  },
};
