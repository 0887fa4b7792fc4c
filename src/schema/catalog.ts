import { z } from 'zod';
import { absoluteUrl, doiPrefix, recordId, spdxLicense } from './common/identifiers.ts';

/** content/catalog.yaml: the site as a whole, and the defaults every record inherits. */
export const catalogSchema = z
  .strictObject({
    title: z.string().min(1).meta({ description: 'Name of the catalog, shown in the header and in DCAT.' }),
    description: z.string().min(1).meta({ description: 'What the catalog holds.' }),
    url: absoluteUrl
      .refine((value) => value.startsWith('https://'), 'must use https: DOIs and harvesters point at it')
      .meta({ description: 'Absolute https base URL the site is published at, e.g. https://lab.example.org/catalog/.' }),
    publisher: recordId.meta({ description: 'Id of the organization that publishes the catalog (DataCite publisher).' }),
    license: spdxLicense.meta({ description: 'Default SPDX licence of records that name none.' }),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as en or en-GB')
      .default('en')
      .meta({ description: 'BCP 47 language of the metadata, e.g. en.' }),
    contact: z.email('must be an e-mail address').meta({ description: 'Contact e-mail for the catalog.' }),
    doiPrefix: doiPrefix.optional(),
    repository: absoluteUrl.optional().meta({ description: 'URL of the repository holding this catalog, for "edit" and history links.' }),
  })
  .meta({ title: 'Heliograph catalog', description: 'Settings of the whole catalog (content/catalog.yaml).' });

export type CatalogSettings = z.infer<typeof catalogSchema>;
