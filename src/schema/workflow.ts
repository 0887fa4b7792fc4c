import { z } from 'zod';
import { importedFromSchema } from './common/imported-from.ts';
import { citableFields } from './common/record.ts';
import { paragraph } from './common/form-hints.ts';
import { absoluteUrl, gitCommit, recordId } from './common/identifiers.ts';

export const workflowLanguages = ['dvc', 'cwl', 'snakemake', 'nextflow', 'other'] as const;

/** Workflow languages as their users name them. */
export const workflowLanguageLabels: Record<(typeof workflowLanguages)[number], string> = {
  dvc: 'DVC',
  cwl: 'CWL',
  snakemake: 'Snakemake',
  nextflow: 'Nextflow',
  other: 'other',
};

/** A step's name as the workflow file writes it; step runs name their step by it. */
export const stepId = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'must be the step name as the workflow file writes it: letters, digits, _ . -');

export const stepSchema = z.strictObject({
  id: stepId.meta({ description: 'Name of the step in the workflow file, e.g. the DVC stage name.' }),
  description: z.string().optional(),
  command: z.string().optional().meta({ description: 'Command the step runs, e.g. python train.py.' }),
  software: z.array(recordId).optional().meta({ description: 'Ids of the software records the step runs.' }),
  inputs: z.array(z.string().min(1)).optional().meta({ description: 'Files the step reads (paths as the workflow names them) or ids of datasets and models.' }),
  outputs: z.array(z.string().min(1)).optional().meta({ description: 'Files the step writes (paths) or ids of datasets and models.' }),
});

/** content/workflows/<id>.md: a computational workflow and its steps. */
export const workflowSchema = z
  .strictObject({
    ...citableFields,
    description: paragraph(z.string().min(1)),
    project: recordId.optional(),
    language: z.enum(workflowLanguages).meta({ description: 'Workflow language: dvc, cwl, snakemake, nextflow or other.' }),
    languageVersion: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "Version of the workflow language the file is written in, e.g. v1.2 (CWL's cwlVersion) or 2.0 (the schema of DVC's dvc.lock)." }),
    repository: absoluteUrl.optional().meta({ description: 'Code repository holding the workflow file.' }),
    commit: gitCommit.optional(),
    file: z.string().min(1).optional().meta({ description: 'Path of the workflow file in the repository, e.g. dvc.yaml or workflow.cwl.' }),
    steps: z.array(stepSchema).min(1, 'list the steps of the workflow').meta({ description: 'The steps, in the order they run.' }),
    importedFrom: importedFromSchema.optional(),
  })
  .meta({ title: 'Workflow', description: 'A computational workflow (DVC pipeline, CWL, Snakemake, Nextflow) with its steps.' });

export type Workflow = z.infer<typeof workflowSchema>;
export type WorkflowStep = z.infer<typeof stepSchema>;
