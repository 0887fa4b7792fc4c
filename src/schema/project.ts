import { z } from 'zod';
import { citableFields } from './common/record.ts';
import { publicationsField } from './common/publications.ts';
import { paragraph } from './common/form-hints.ts';
import { importedFromSchema } from './common/imported-from.ts';
import { absoluteUrl, isoDate, recordId } from './common/identifiers.ts';

export const fundingSchema = z.strictObject({
  funder: recordId.meta({ description: 'Id of the funding organization.' }),
  awardNumber: z.string().optional(),
  awardTitle: z.string().optional(),
  awardUri: absoluteUrl.optional(),
});

/** content/projects/<id>.md */
export const projectSchema = z
  .strictObject({
    ...citableFields,
    summary: paragraph(z.string().min(1)).meta({ description: 'One-paragraph summary; the Markdown body holds the rest.' }),
    projectStatus: z.enum(['planned', 'active', 'completed']).optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    funding: z.array(fundingSchema).optional(),
    repository: absoluteUrl.optional().meta({ description: 'Code repository of the project.' }),
    publications: publicationsField,
    importedFrom: importedFromSchema.optional(),
  })
  .meta({ title: 'Project', description: 'A research project grouping datasets, models and runs.' });

export type Project = z.infer<typeof projectSchema>;
