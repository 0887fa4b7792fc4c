import { problem, type Problem } from '../../diagnostics/problem.ts';
import { locate } from '../source.ts';
import type { AnyRecord } from '../load.ts';
import type { CatalogRule } from './types.ts';

const DESCRIPTION_RANGE = { min: 50, max: 5000 };

/** Warnings about the record as a whole point at its first line, which costs no position lookup. */
function warn(record: AnyRecord, field: string, message: string, hint: string): Problem {
  const position = field ? locate(record.source, [field]) : { line: 1, column: 1 };
  return problem({ code: 'recommended-missing', file: record.file, field, ...position, message, hint });
}

/** Metadata that harvesters and citation want but the schema cannot demand. */
export const recommendedRule: CatalogRule = {
  name: 'recommended',
  check({ catalog }) {
    const problems: Problem[] = [];
    for (const record of catalog.records.values()) {
      if (record.type === 'model' && !record.data.task) {
        problems.push(warn(record, '', 'no task', 'Add task: (e.g. text-classification) so the model is found by what it does; an import leaves it out where the source does not say.'));
      }
      switch (record.type) {
        case 'person':
          if (!record.data.orcid) problems.push(warn(record, '', 'no ORCID iD', 'Add orcid: so citations and DataCite link the person unambiguously.'));
          break;
        case 'dataset': {
          const length = record.data.description.length;
          if (length < DESCRIPTION_RANGE.min || length > DESCRIPTION_RANGE.max) {
            problems.push(
              warn(record, 'description', `description has ${length} characters`, `Google Dataset Search wants ${DESCRIPTION_RANGE.min}–${DESCRIPTION_RANGE.max}.`),
            );
          }
          if (!record.data.files?.length && record.data.status?.state !== 'withdrawn') {
            problems.push(warn(record, '', 'no files listed', 'List the files (url, size, checksum) so readers and harvesters can download them.'));
          }
        }
        // falls through: datasets are citable too
        case 'project':
        case 'model':
        case 'software':
        case 'workflow':
        case 'instrument':
          if (!record.data.doi) {
            problems.push(warn(record, '', 'no DOI', 'Register a DOI (the datacite.json export is the payload) and add it as doi:.'));
          }
          break;
      }
    }
    return problems;
  },
};
