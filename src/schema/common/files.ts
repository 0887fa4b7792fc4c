import { z } from 'zod';
import { absoluteUrl, md5, sha256 } from './identifiers.ts';

/** A downloadable file: what a landing page lists and what exports describe as a distribution. */
export const fileSchema = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'File name as the reader downloads it, e.g. train-images.gz.' }),
    url: absoluteUrl.meta({ description: 'Absolute download URL.' }),
    mediaType: z
      .string()
      .regex(/^[a-z]+\/[a-z0-9.+-]+(?:;.*)?$/i, 'must be a media type such as text/csv or application/gzip')
      .meta({ description: 'IANA media type, e.g. application/gzip.' }),
    size: z.number().int('must be a whole number of bytes').nonnegative('must not be negative').meta({ description: 'Size in bytes.' }),
    sha256: sha256.optional(),
    md5: md5.optional(),
    description: z.string().optional().meta({ description: 'What the file holds.' }),
    path: z
      .string()
      .regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$)).+$/, 'must be a path inside the catalog, relative to the record, e.g. iris/iris.csv')
      .optional()
      .meta({
        description:
          "A small file kept in the catalog, relative to the record's folder (e.g. iris/iris.csv): the build publishes it beside the landing page, so url is then the landing page's URL followed by the file's name.",
      }),
    contentMediaType: z
      .string()
      .regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'must be a media type such as text/csv')
      .optional()
      .meta({ description: 'Media type of the file inside a compressed file (application/gzip), e.g. text/csv; read from a name such as data.csv.gz when absent.' }),
  })
  .refine((file) => file.sha256 || file.md5, {
    message: 'give a checksum: sha256 (preferred) or md5',
    path: ['sha256'],
  })
  .meta({ description: 'A file with its download URL, media type, size and checksum.' });

export type FileEntry = z.infer<typeof fileSchema>;
