/** The importers by tool name: what `npm run import -- <tool> <path>` dispatches on. */
import type { ImportTool } from '../schema/common/imported-from.ts';
import { cffImporter } from './cff/index.ts';
import { codemetaImporter } from './codemeta/index.ts';
import { croissantImporter } from './croissant/index.ts';
import { cwlImporter } from './cwl/index.ts';
import { dvcImporter } from './dvc/index.ts';
import { hfImporter } from './hf/index.ts';
import { mlflowImporter } from './mlflow/index.ts';
import type { Importer } from './types.ts';
import { wandbImporter } from './wandb/index.ts';

export const importers: Record<ImportTool, Importer> = {
  mlflow: mlflowImporter,
  wandb: wandbImporter,
  dvc: dvcImporter,
  hf: hfImporter,
  croissant: croissantImporter,
  cff: cffImporter,
  codemeta: codemetaImporter,
  cwl: cwlImporter,
};

export { runImport, type ImportOptions, type ImportOutcome } from './run-import.ts';
export type { Importer, ImportPlan, ImportProblem, PlannedRecord } from './types.ts';
