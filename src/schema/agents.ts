import { z } from 'zod';
import { absoluteUrl, orcid, recordId, ror } from './common/identifiers.ts';

/** content/people/<id>.yaml */
export const personSchema = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'Full name as displayed.' }),
    givenName: z.string().min(1).optional(),
    familyName: z.string().min(1).optional(),
    orcid: orcid.optional(),
    affiliations: z.array(recordId).optional().meta({ description: 'Ids of organizations the person belongs to.' }),
    url: absoluteUrl.optional(),
    email: z.email('must be an e-mail address').optional(),
  })
  .meta({ title: 'Person', description: 'A creator, contributor or agent of runs.' });

/** content/organizations/<id>.yaml */
export const organizationSchema = z
  .strictObject({
    name: z.string().min(1),
    ror: ror.optional(),
    url: absoluteUrl.optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as DE')
      .optional()
      .meta({ description: 'ISO 3166-1 alpha-2 country code.' }),
  })
  .meta({ title: 'Organization', description: 'A publisher, funder, affiliation or creator.' });

export type Person = z.infer<typeof personSchema>;
export type Organization = z.infer<typeof organizationSchema>;
