import { z } from 'zod';
import { fileSchema } from './common/files.ts';
import { citableFields } from './common/record.ts';
import { isoDate, recordId, reference } from './common/identifiers.ts';

export const accessSchema = z
  .strictObject({
    level: z.enum(['open', 'restricted', 'embargoed']),
    conditions: z.string().optional().meta({ description: 'How to obtain access when it is not open.' }),
    embargoEnd: isoDate.optional(),
  })
  .refine((access) => access.level === 'open' || access.conditions, {
    message: 'restricted or embargoed data needs "conditions" saying how to get access',
    path: ['conditions'],
  });

export const variableSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  unit: z.string().optional(),
  type: z.enum(['integer', 'float', 'boolean', 'text', 'date', 'image', 'audio', 'category']).optional(),
});

export const coverageSchema = z.strictObject({
  start: isoDate.optional(),
  end: isoDate.optional(),
});

export const spatialCoverageSchema = z.strictObject({
  name: z.string().min(1),
  box: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .optional()
    .meta({ description: 'Bounding box as [south, west, north, east] in WGS 84 degrees.' }),
});

/** content/datasets/<id>.md */
export const datasetSchema = z
  .strictObject({
    ...citableFields,
    description: z.string().min(1).meta({ description: 'Plain-text description (Google Dataset Search wants 50–5000 characters).' }),
    project: recordId.optional(),
    access: accessSchema.optional(),
    files: z.array(fileSchema).optional(),
    variables: z.array(variableSchema).optional(),
    temporalCoverage: coverageSchema.optional(),
    spatialCoverage: spatialCoverageSchema.optional(),
    derivedFrom: z.array(reference).optional().meta({ description: 'Datasets (ids) or external DOIs/URLs this one derives from.' }),
    generatedBy: recordId.optional().meta({ description: 'Id of the run that produced this dataset.' }),
    measurementTechnique: z.string().optional(),
  })
  .meta({ title: 'Dataset', description: 'A dataset with its files, variables and provenance.' });

export type Dataset = z.infer<typeof datasetSchema>;
