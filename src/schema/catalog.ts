import { z } from 'zod';
import { absoluteUrl, doiPrefix, recordId, spdxLicense } from './common/identifiers.ts';

/**
 * Where the web editor at /admin/ saves: a branch and a pull (merge) request
 * on this repository. Without it, a `repository` on github.com or gitlab.com
 * is used as it is.
 */
export const editorSettingsSchema = z
  .strictObject({
    backend: z
      .enum(['github', 'gitlab', 'forgejo', 'gitea'])
      .meta({ description: 'Git host of the repository. Gitea saves to branch directly (Decap has no pull requests for it): point branch at a review branch, or use forgejo.' }),
    repo: z
      .string()
      .regex(/^[\w.-]+(?:\/[\w.-]+)+$/, 'must be the repository path such as owner/name (GitLab: group/subgroup/name)')
      .meta({ description: 'Repository path on the host, e.g. example-lab/catalog.' }),
    branch: z.string().min(1).default('main').meta({ description: 'Branch pull requests are made against.' }),
    apiRoot: absoluteUrl.optional().meta({ description: 'API of a self-hosted GitLab, Forgejo or Gitea, e.g. https://git.example.org/api/v4.' }),
    baseUrl: absoluteUrl.optional().meta({ description: 'OAuth server that signs editors in (GitHub needs one; GitLab, Forgejo and Gitea use appId instead).' }),
    authEndpoint: z.string().min(1).optional().meta({ description: 'Path of the sign-in endpoint on baseUrl, e.g. auth or oauth/authorize.' }),
    appId: z.string().min(1).optional().meta({ description: 'Application id of the OAuth application (GitLab, Forgejo, Gitea), used with PKCE.' }),
    openAuthoring: z
      .boolean()
      .optional()
      .meta({ description: 'GitHub and Forgejo: contributors without write access edit in a fork and open a pull request from it.' }),
  })
  .meta({ description: 'The web editor at /admin/: where it opens pull requests.' });

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
    editor: editorSettingsSchema.optional(),
  })
  .meta({ title: 'Heliograph catalog', description: 'Settings of the whole catalog (content/catalog.yaml).' });

export type CatalogSettings = z.infer<typeof catalogSchema>;
export type EditorSettings = z.infer<typeof editorSettingsSchema>;
