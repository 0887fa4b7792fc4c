import { z } from 'zod';
import { fileSchema } from './common/files.ts';
import { importedFromSchema } from './common/imported-from.ts';
import { citableFields } from './common/record.ts';
import { failuresField } from './common/failures.ts';
import { outsideForms, paragraph } from './common/form-hints.ts';
import { stepId } from './workflow.ts';
import { absoluteUrl, gitCommit, isoDateTime, recordId, reference } from './common/identifiers.ts';

/** Runs are cited like other records, but their agents stand in for creators. */
const { creators: _creators, contributors: _contributors, ...runCitableFields } = citableFields;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * The code a run executed: a repository URL, or a software record of the
 * catalog (whose page, citation and DOI the run then points to), either way
 * at the exact commit.
 */
export const codeSchema = z
  .strictObject({
    repository: absoluteUrl.optional().meta({ description: 'URL of the code repository; or name a software record instead.' }),
    software: recordId.optional().meta({ description: 'Id of the software record (content/software/<id>.md) whose code ran; its repository is used.' }),
    commit: gitCommit,
    entryPoint: z.string().optional().meta({ description: 'Script or command that was run, e.g. train.py.' }),
  })
  .refine((code) => (code.repository === undefined) !== (code.software === undefined), {
    message: 'name the code either by repository URL or by software record id, not both and not neither',
    path: ['repository'],
  });

export const environmentSchema = z.strictObject({
  language: z.string().optional().meta({ description: 'Language and version, e.g. Python 3.11.7.' }),
  frameworks: z.record(z.string(), z.string()).optional().meta({ description: 'Library name → version.' }),
  hardware: z.string().optional().meta({ description: 'Hardware the run used, e.g. 1× NVIDIA A100 40GB.' }),
});

/** An output is another record (by id) or a file artifact with its checksum. */
export const outputSchema = z.union([recordId, fileSchema]);

/** content/runs/<id>.md or .yaml */
export const runSchema = z
  .strictObject({
    ...runCitableFields,
    description: paragraph(z.string()).optional(),
    project: recordId.optional(),
    runStatus: z.enum(['finished', 'failed', 'running', 'killed']),
    startTime: isoDateTime,
    endTime: isoDateTime.optional(),
    agents: z.array(recordId).optional().meta({ description: 'Ids of the people who ran it.' }),
    code: codeSchema.optional(),
    environment: environmentSchema.optional(),
    parameters: z.record(z.string(), scalar).optional().meta({ description: 'Hyperparameter name → value.' }),
    inputs: z.array(reference).optional().meta({ description: 'Datasets or models used (ids, or external DOIs/URLs).' }),
    outputs: z.array(outputSchema).optional().meta({ description: 'Records (ids) or file artifacts produced.' }),
    metrics: z.record(z.string(), z.number()).optional().meta({ description: 'Final metric name → value.' }),
    failures: failuresField.meta({ description: 'What failed in this run (or went wrong in one that finished): what, why, what was learned, with links to logs or artifacts.' }),
    metricHistory: outsideForms(
      z.string().regex(/^[^/\\].*\.csv$/, 'must be a relative path to a .csv file next to the run'),
      'a CSV file beside the run, written by npm run import or by hand',
    )
      .optional()
      .meta({ description: 'CSV next to the run file: a "step" column plus one column per metric.' }),
    parent: recordId.optional().meta({ description: 'Parent run, e.g. the sweep this run belongs to, or the workflow run whose step this run is.' }),
    workflow: recordId.optional().meta({ description: 'Id of the workflow this run executes, once (one run per execution, e.g. a dvc repro); its step runs name this run as parent.' }),
    step: stepId
      .optional()
      .meta({ description: "Id of the step of the parent run's workflow that this run executed; set on the step runs of a workflow run, which name it as parent." }),
    tags: z.array(z.string()).optional(),
    importedFrom: importedFromSchema.optional(),
  })
  .meta({ title: 'Run', description: 'A training or evaluation run with its parameters, metrics and provenance.' });

export type Run = z.infer<typeof runSchema>;
