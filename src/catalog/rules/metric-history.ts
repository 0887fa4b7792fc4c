import { existsSync } from 'node:fs';
import { displayPath, realRoot, recordsOfType } from '../load.ts';
import { linkOutside } from '../read-file.ts';
import { metricHistoryPath } from '../metric-history.ts';
import { problem, type Problem } from '../../diagnostics/problem.ts';
import { locate } from '../source.ts';
import type { CatalogRule } from './types.ts';

/** A run's metric history exists beside it and parses, with numeric values. */
export const metricHistoryRule: CatalogRule = {
  name: 'metric-history',
  check({ catalog, readHistory }) {
    const problems: Problem[] = [];
    const root = realRoot(catalog.root);
    for (const run of recordsOfType(catalog.records.values(), 'run')) {
      if (!run.data.metricHistory) continue;
      const path = metricHistoryPath(run.path, run.data.metricHistory);
      // "../" or a link could otherwise chart (and publish) any CSV on the machine.
      const outside = existsSync(path) ? linkOutside(root, path) : undefined;
      if (outside) {
        problems.push(
          problem({ code: 'outside-catalog', file: run.file, field: 'metricHistory', ...locate(run.source, ['metricHistory']), message: `${run.data.metricHistory} leads to ${outside}, outside the catalog` }),
        );
        continue;
      }
      const { error } = readHistory(path);
      if (!error) continue;
      if (error.message === 'file not found') {
        problems.push(
          problem({
            code: 'metric-history-missing',
            file: run.file,
            field: 'metricHistory',
            ...locate(run.source, ['metricHistory']),
            message: `${displayPath(path)} does not exist`,
          }),
        );
      } else {
        problems.push(
          problem({ code: 'metric-history-invalid', file: displayPath(path), field: 'metricHistory', line: error.line, column: error.column, message: `${error.message} (history of run "${run.id}")` }),
        );
      }
    }
    return problems;
  },
};
