/**
 * A record's failures as the exports state them: standards that have no
 * structured slot for a failure (DataCite descriptions, FAIR4ML's risks and
 * limitations, Croissant RAI's limitations) get each as one plain-text
 * statement, its parts labelled, in the same words everywhere.
 */
import type { Failure } from '../../schema/common/failures.ts';
import type { PublishedRecord } from './record-facts.ts';

type WithFailures = Extract<PublishedRecord['type'], 'run' | 'model' | 'dataset'>;

/** What a failure is called on each kind of record: a run fails, a model has failure modes, a dataset problems. */
export const failureLabels: Record<WithFailures, { one: string; section: string }> = {
  run: { one: 'What failed', section: 'What failed' },
  model: { one: 'Known failure mode', section: 'Known failure modes' },
  dataset: { one: 'Known problem', section: 'Known problems' },
};

export function failuresOf(record: PublishedRecord): readonly Failure[] {
  return 'failures' in record.data ? (record.data.failures ?? []) : [];
}

export function failureLabel(record: PublishedRecord): string {
  return record.type in failureLabels ? failureLabels[record.type as WithFailures].one : 'Failure';
}

/** A statement ends with a full stop unless it ends in punctuation already. */
const sentence = (text: string) => (/[.!?…)]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** "Known problem: … Cause: … Lesson: … Examples: https://… (label)." */
export function failureStatement(failure: Failure, label: string): string {
  const links = (failure.links ?? []).map((link) => (link.label ? `${link.url} (${link.label})` : link.url));
  return [
    `${label}: ${sentence(failure.what)}`,
    failure.cause && `Cause: ${sentence(failure.cause)}`,
    failure.lesson && `Lesson: ${sentence(failure.lesson)}`,
    links.length && `Examples: ${links.join('; ')}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** Every failure of the record as a statement, labelled as its kind of record calls it. */
export function failureStatements(record: PublishedRecord): string[] {
  const label = failureLabel(record);
  return failuresOf(record).map((failure) => failureStatement(failure, label));
}
