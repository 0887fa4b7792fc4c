/**
 * Where an imported record came from, so that importing the same source again
 * updates this record instead of adding a second one, and leaves alone what a
 * person changed since.
 */
import { z } from 'zod';
import { outsideForms } from './form-hints.ts';

export const importTools = ['mlflow', 'wandb', 'dvc', 'hf', 'croissant', 'cff', 'codemeta', 'cwl'] as const;
export type ImportTool = (typeof importTools)[number];

export const importedFromSchema = outsideForms(
  z.strictObject({
    tool: z.enum(importTools).meta({ description: 'The tool the record was imported from.' }),
    id: z.string().min(1).meta({ description: "The source's own id, e.g. the MLflow run id; re-imports match on tool and id." }),
    fields: z
      .record(z.string(), z.string().regex(/^[0-9a-f]{12}$/, 'must be a 12-character hex hash'))
      .meta({
        description:
          'Imported field → short hash of the value as imported. A field whose value no longer matches its hash was edited by hand, and re-imports keep it.',
      }),
    source: z
      .string()
      .regex(/^[0-9a-f]{12}$/, 'must be a 12-character hex hash')
      .optional()
      .meta({ description: 'Short hash of the source files as last imported (names, sizes, modification times); a re-import passes over the record while they are the same.' }),
  }),
  'written by npm run import; leave it as it is',
).meta({ description: 'Written by `npm run import`: the source of this record and a hash of each imported field. Leave it as it is.' });

export type ImportedFrom = z.infer<typeof importedFromSchema>;
