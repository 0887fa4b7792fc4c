/**
 * Fields that projects, datasets, models and runs share: who made it, how to
 * cite it, under which licence, and whether it is still published.
 */
import { z } from 'zod';
import { vocabulary } from '../vocabularies.ts';
import { paragraph } from './form-hints.ts';
import { doi, isoDate, recordId, reference, spdxLicense } from './identifiers.ts';

export const contributorSchema = z.strictObject({
  agent: recordId.meta({ description: 'Id of a person or organization.' }),
  role: z.enum(vocabulary.contributorType).meta({ description: 'DataCite contributorType, e.g. DataCurator, ProjectLeader.' }),
});

export const relatedIdentifierSchema = z.strictObject({
  identifier: reference.meta({ description: 'DOI or absolute URL of the related resource.' }),
  relationType: z.enum(vocabulary.relationType).meta({ description: 'DataCite relationType, e.g. IsSupplementTo, References.' }),
  resourceTypeGeneral: z.enum(vocabulary.resourceTypeGeneral).optional(),
});

export const publicationStatusSchema = z
  .strictObject({
    state: z.enum(['published', 'withdrawn']).meta({ description: 'published, or withdrawn (the page stays as a tombstone).' }),
    date: isoDate.optional().meta({ description: 'Date of withdrawal.' }),
    reason: paragraph(z.string()).optional().meta({ description: 'Why the record was withdrawn, shown on the tombstone page.' }),
  })
  .refine((status) => status.state !== 'withdrawn' || (status.date && status.reason), {
    message: 'a withdrawn record needs the withdrawal date and reason',
    path: ['state'],
  });

export const citableFields = {
  title: z.string().min(1).meta({ description: 'Title as it should be cited.' }),
  creators: z.array(recordId).min(1, 'name at least one creator: the id of a person or organization of this catalog').meta({ description: 'Ids of the people or organizations who made it, in citation order.' }),
  contributors: z.array(contributorSchema).optional().meta({ description: 'Other contributors with their DataCite role.' }),
  keywords: z.array(z.string().min(1)).optional(),
  license: spdxLicense.optional().meta({ description: 'SPDX licence id; the catalog default applies when absent.' }),
  doi: doi.optional(),
  version: z.string().optional(),
  datePublished: isoDate.optional().meta({ description: 'Publication date, YYYY-MM-DD.' }),
  dateModified: isoDate.optional(),
  relatedIdentifiers: z.array(relatedIdentifierSchema).optional(),
  status: publicationStatusSchema.optional(),
  previousVersion: reference
    .optional()
    .meta({ description: 'The version this record supersedes: its id in the catalog, or its DOI. Pages link both ways; DataCite gets IsNewVersionOf.' }),
  formerIds: z
    .array(recordId)
    .optional()
    .meta({ description: 'Ids this record had before it was renamed; their URLs keep redirecting here.' }),
};
