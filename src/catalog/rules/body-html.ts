import { problem } from '../../diagnostics/problem.ts';
import { htmlRemovals } from '../../markdown/removals.ts';
import type { CatalogRule } from './types.ts';

/** A body holds nothing the page would drop without a word: each removal is a warning where it is written. */
export const bodyHtmlRule: CatalogRule = {
  name: 'body-html',
  check({ catalog }) {
    return [...catalog.records.values()].flatMap((record) =>
      htmlRemovals(record.body).map((removal) =>
        problem({ code: 'html-removed', file: record.file, field: 'body', line: record.source.bodyLine + removal.line - 1, column: removal.column, message: removal.message }),
      ),
    );
  },
};
