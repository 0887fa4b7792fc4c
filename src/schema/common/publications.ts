/**
 * The papers a record builds on, reports it or use it: an entry of the
 * catalog's references.bib (by key) or any DOI. Each relation says which way
 * the paper stands to the record, and the exports state it in their own words
 * (DataCite relationType, schema.org property), from the table below.
 */
import { z } from 'zod';
import { doi } from './identifiers.ts';

/** Relations of a paper to a record, with what each means: the descriptions reach the JSON Schema. */
export const publicationRelations = {
  buildsOn: 'The record builds on the paper: the method, architecture or data it uses (DataCite References, schema.org citation).',
  reports: 'The paper reports the record: where it was introduced or described (DataCite IsDocumentedBy, schema.org subjectOf).',
  citedBy: 'The paper uses or cites the record without being about it (DataCite IsCitedBy).',
} as const;

export type PublicationRelation = keyof typeof publicationRelations;

const relationNames = Object.keys(publicationRelations) as [PublicationRelation, ...PublicationRelation[]];

export const publicationSchema = z
  .strictObject({
    ref: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'Key of the entry in the catalog\'s references.bib, e.g. xiao2017fashion; its DOI and details come from there.' }),
    doi: doi.optional().meta({ description: 'DOI of a paper that references.bib does not hold, e.g. 10.1109/91.771092.' }),
    title: z.string().min(1).optional().meta({ description: 'Title shown for a paper given by DOI alone (an entry of references.bib brings its own).' }),
    relation: z.enum(relationNames).meta({
      description: `How the paper stands to the record: ${Object.entries(publicationRelations)
        .map(([name, description]) => `${name}: ${description}`)
        .join(' ')}`,
    }),
  })
  .refine((publication) => (publication.ref === undefined) !== (publication.doi === undefined), {
    message: 'name the paper once: either "ref" (a key of references.bib) or "doi"',
    path: ['ref'],
  })
  .meta({ description: 'A paper and how it stands to the record.' });

export type Publication = z.infer<typeof publicationSchema>;

export const publicationsField = z
  .array(publicationSchema)
  .optional()
  .meta({ description: 'Papers the record builds on, that report it, or that cite it: references.bib keys or DOIs.' });
