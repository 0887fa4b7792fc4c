import { z } from 'zod';
import { fileSchema } from './common/files.ts';
import { importedFromSchema } from './common/imported-from.ts';
import { citableFields } from './common/record.ts';
import { failuresField } from './common/failures.ts';
import { publicationsField } from './common/publications.ts';
import { paragraph } from './common/form-hints.ts';
import { recordId, reference } from './common/identifiers.ts';

export const evaluationSchema = z.strictObject({
  dataset: reference.meta({ description: 'Dataset id (or external DOI/URL) the model was evaluated on.' }),
  split: z.string().optional().meta({ description: 'Split, e.g. test.' }),
  metric: z.string().min(1).meta({ description: 'Metric name, e.g. accuracy.' }),
  value: z.number(),
});

export const frameworkSchema = z.strictObject({
  name: z.string().min(1),
  version: z.string().optional(),
});

export const emissionsSchema = z.strictObject({
  co2eKg: z.number().nonnegative().meta({ description: 'Emissions of training in kg CO2-equivalent.' }),
  hardware: z.string().optional(),
  hours: z.number().nonnegative().optional(),
  region: z.string().optional(),
});

/** content/models/<id>.md: the FAIR4ML model facts plus the common citation fields. */
export const modelSchema = z
  .strictObject({
    ...citableFields,
    description: paragraph(z.string().min(1)),
    project: recordId.optional(),
    task: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'ML task (fair4ml:mlTask), e.g. image-classification; `check` warns while it is missing (an imported card may not say).' }),
    modelCategory: z.string().optional().meta({ description: 'Family of models, e.g. convolutional neural network.' }),
    architecture: z.string().optional(),
    framework: frameworkSchema.optional(),
    baseModel: reference.optional().meta({ description: 'Model this one was fine-tuned from (fair4ml:fineTunedFrom).' }),
    trainedOn: z.array(reference).optional(),
    validatedOn: z.array(reference).optional(),
    testedOn: z.array(reference).optional(),
    evaluation: z.array(evaluationSchema).optional(),
    files: z.array(fileSchema).optional(),
    intendedUse: paragraph(z.string()).optional(),
    limitations: paragraph(z.string()).optional().meta({ description: 'Risks, biases and limitations (fair4ml:modelRisksBiasLimitations).' }),
    failures: failuresField.meta({ description: 'Known failure modes: inputs or classes the model gets wrong, each with its cause, lesson and examples (fair4ml:modelRisksBiasLimitations).' }),
    emissions: emissionsSchema.optional(),
    usageInstructions: paragraph(z.string()).optional(),
    generatedBy: recordId.optional().meta({ description: 'Id of the run that trained this model.' }),
    publications: publicationsField,
    importedFrom: importedFromSchema.optional(),
  })
  .meta({ title: 'Model', description: 'A trained ML model (FAIR4ML).' });

export type Model = z.infer<typeof modelSchema>;
