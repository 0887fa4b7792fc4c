import { z } from 'zod';
import { importedFromSchema } from './common/imported-from.ts';
import { citableFields } from './common/record.ts';
import { paragraph } from './common/form-hints.ts';
import { absoluteUrl, gitCommit, recordId } from './common/identifiers.ts';

/**
 * content/software/<id>.md: a code repository at one version, described with
 * the CodeMeta terms (schema.org SoftwareSourceCode) that CITATION.cff,
 * codemeta.json and Zenodo's GitHub releases share.
 */
export const softwareSchema = z
  .strictObject({
    ...citableFields,
    description: paragraph(z.string().min(1)),
    project: recordId.optional(),
    repository: absoluteUrl.meta({ description: 'URL of the code repository (codemeta:codeRepository), e.g. https://github.com/zalandoresearch/fashion-mnist.' }),
    commit: gitCommit.optional().meta({ description: 'Full git commit hash of this version.' }),
    programmingLanguages: z.array(z.string().min(1)).optional().meta({ description: 'Languages the code is written in, e.g. Python 3.' }),
    runtimeRequirements: z
      .array(z.string().min(1))
      .optional()
      .meta({ description: 'What the code needs to run (codemeta:softwareRequirements), e.g. numpy>=1.20 or CUDA 12.' }),
    documentation: absoluteUrl.optional().meta({ description: 'URL of the documentation (codemeta:softwareHelp).' }),
    issueTracker: absoluteUrl.optional().meta({ description: 'URL where bugs are reported (codemeta:issueTracker), e.g. https://github.com/OWNER/NAME/issues.' }),
    importedFrom: importedFromSchema.optional(),
  })
  .meta({ title: 'Software', description: 'A code repository at a version: what runs and workflow steps execute.' });

export type Software = z.infer<typeof softwareSchema>;
