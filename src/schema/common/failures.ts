/**
 * What went wrong and what it taught: a run that failed, a model's known
 * failure mode, a dataset's known problem. One shape for all three, so that
 * the lessons experiment trackers lose get the same place on every page and
 * in every export.
 */
import { z } from 'zod';
import { paragraph } from './form-hints.ts';
import { absoluteUrl } from './identifiers.ts';

export const failureLinkSchema = z.strictObject({
  url: absoluteUrl.meta({ description: 'Where the example or artifact is: a log, a misclassified sample, an issue, a notebook.' }),
  label: z.string().min(1).optional().meta({ description: 'What the link shows, e.g. "training log up to the NaN".' }),
});

export const failureSchema = z
  .strictObject({
    what: paragraph(z.string().min(1)).meta({ description: 'What failed or goes wrong, as a reader would notice it.' }),
    cause: paragraph(z.string().min(1)).optional().meta({ description: 'Why, as far as it is known.' }),
    lesson: paragraph(z.string().min(1)).optional().meta({ description: 'What was learned: what to do, or avoid, next time.' }),
    links: z.array(failureLinkSchema).optional().meta({ description: 'Examples or artifacts that show the failure.' }),
  })
  .meta({ description: 'A failure, known failure mode or known problem: what, why, what was learned.' });

export type Failure = z.infer<typeof failureSchema>;

export const failuresField = z
  .array(failureSchema)
  .optional()
  .meta({ description: 'What failed (a run), known failure modes (a model) or known problems (a dataset), each with its cause and lesson.' });
