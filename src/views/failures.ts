/**
 * A record's failures as the landing page shows them: a section titled as
 * the record's kind calls them (what failed, known failure modes, known
 * problems), one entry each with its cause, lesson and links.
 */
import { failureLabels, failuresOf } from '../metadata/common/failures.ts';
import type { PublishedRecord } from '../metadata/common/record-facts.ts';

export interface FailureEntry {
  what: string;
  cause?: string;
  lesson?: string;
  links: { url: string; label: string }[];
}

export interface FailuresView {
  heading: string;
  entries: FailureEntry[];
}

export function failuresView(record: PublishedRecord): FailuresView | undefined {
  const failures = failuresOf(record);
  if (!failures.length || !(record.type in failureLabels)) return undefined;
  return {
    heading: failureLabels[record.type as keyof typeof failureLabels].section,
    entries: failures.map(({ what, cause, lesson, links }) => ({
      what,
      cause,
      lesson,
      links: (links ?? []).map((link) => ({ url: link.url, label: link.label ?? link.url })),
    })),
  };
}
