import { z } from 'zod';
import { fileSchema } from './common/files.ts';
import { importedFromSchema } from './common/imported-from.ts';
import { citableFields } from './common/record.ts';
import { failuresField } from './common/failures.ts';
import { publicationsField } from './common/publications.ts';
import { paragraph } from './common/form-hints.ts';
import { responsibleAiSchema } from './responsible-ai.ts';
import { absoluteUrl, isoDate, md5, recordId, reference, sha256 } from './common/identifiers.ts';

export const accessSchema = z
  .strictObject({
    level: z.enum(['open', 'restricted', 'embargoed']),
    conditions: paragraph(z.string()).optional().meta({ description: 'How to obtain access when it is not open.' }),
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
  type: z.enum(['integer', 'float', 'boolean', 'text', 'date', 'image', 'audio', 'category', 'url']).optional(),
  file: z
    .string()
    .min(1)
    .optional()
    .meta({
      description:
        'Name (or URL, where two files share a name) of the file in files that holds this variable, or the id of a croissantDistribution entry; needed when there are several, so that loaders read it from the right one.',
    }),
  column: z.string().min(1).optional().meta({ description: 'Column (CSV, TSV, Parquet) or key (JSON) the variable is read from, when it differs from name.' }),
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

/**
 * A file object or file set as a Croissant description states it, kept where
 * `files` cannot hold it (no byte size, a URL relative to the Croissant file
 * or of another scheme, a format that is not a media type, a set of files
 * given by a pattern), so that the Croissant export keeps it.
 */
export const croissantEntrySchema = z.strictObject({
  id: z.string().min(1).meta({ description: 'The @id that file sets and record-set fields refer to.' }),
  kind: z.enum(['FileObject', 'FileSet']),
  name: z.string().optional(),
  description: z.string().optional(),
  contentUrl: z.string().min(1).optional().meta({ description: 'As written: may be relative to the Croissant file, or s3:// and the like.' }),
  encodingFormat: z.string().min(1).meta({ description: 'Media type or other format name, e.g. text/csv or git+https.' }),
  contentSize: z.string().optional().meta({ description: 'Size as written, e.g. "8813 B" or "97.73 TiB".' }),
  sha256: sha256.optional(),
  md5: md5.optional(),
  containedIn: z.array(z.string().min(1)).optional().meta({ description: 'Ids of the entries the files are extracted from.' }),
  includes: z.array(z.string().min(1)).optional().meta({ description: 'Glob patterns of the files in a file set.' }),
});

/** content/datasets/<id>.md */
export const datasetSchema = z
  .strictObject({
    ...citableFields,
    description: paragraph(z.string().min(1)).meta({ description: 'Plain-text description (Google Dataset Search wants 50–5000 characters).' }),
    project: recordId.optional(),
    url: absoluteUrl.optional().meta({ description: 'Home page of the dataset where it is published elsewhere (Croissant and schema.org url); the landing page when absent.' }),
    licenseUrl: absoluteUrl
      .optional()
      .meta({ description: 'Licence terms that have no SPDX id, e.g. a provider\'s terms of use; the Croissant export states them when license is absent.' }),
    access: accessSchema.optional(),
    files: z.array(fileSchema).optional(),
    croissantDistribution: z
      .array(croissantEntrySchema)
      .optional()
      .meta({ description: 'Croissant file objects and file sets that files cannot list, kept for the Croissant export.' }),
    variables: z.array(variableSchema).optional(),
    responsibleAI: responsibleAiSchema.optional(),
    failures: failuresField.meta({ description: 'Known problems of the data (errata, label noise, leaks), each with its cause, lesson and examples; Croissant states them as rai:dataLimitations.' }),
    publications: publicationsField,
    temporalCoverage: coverageSchema.optional(),
    spatialCoverage: spatialCoverageSchema.optional(),
    derivedFrom: z.array(reference).optional().meta({ description: 'Datasets (ids) or external DOIs/URLs this one derives from.' }),
    generatedBy: recordId.optional().meta({ description: 'Id of the run that produced this dataset.' }),
    instruments: z
      .array(recordId)
      .min(1)
      .optional()
      .meta({ description: 'Ids of the instruments (content/instruments/) that collected the data: DataCite IsCollectedBy, the instrument of the action that made the files.' }),
    measurementTechnique: z.string().optional(),
    importedFrom: importedFromSchema.optional(),
  })
  .superRefine((dataset, context) => {
    const files = dataset.files ?? [];
    dataset.variables?.forEach((variable, index) => {
      if (!variable.file) return;
      const matches = files.filter((file) => file.url === variable.file || file.name === variable.file);
      if (matches.length === 1 || (!matches.length && dataset.croissantDistribution?.some((entry) => entry.id === variable.file))) return;
      const message = matches.length
        ? `names ${matches.length} files; give the URL of the one that holds this variable`
        : `names no file of this dataset (files: ${files.map((file) => file.name).join(', ') || 'none'})`;
      context.addIssue({ code: 'custom', path: ['variables', index, 'file'], message });
    });
  })
  .meta({ title: 'Dataset', description: 'A dataset with its files, variables and provenance.' });

export type Dataset = z.infer<typeof datasetSchema>;
