import { problem, type Problem } from '../../diagnostics/problem.ts';
import { bibliographyKeys, citationsIn } from '../citations.ts';
import type { CatalogRule } from './types.ts';

/** Every [@key] in a Markdown body is defined in references.bib. */
export const citationsRule: CatalogRule = {
  name: 'citations',
  check({ catalog }) {
    const problems: Problem[] = [];
    // references.bib has its own error; every citation failing with it would only repeat that.
    if (catalog.bibliographyUnreadable) return problems;
    const keys = bibliographyKeys(catalog.bibliography ?? '');
    for (const record of catalog.records.values()) {
      for (const use of citationsIn(record.body)) {
        if (keys.has(use.key)) continue;
        const before = record.body.slice(0, use.offset);
        const lineInBody = before.split('\n').length - 1;
        problems.push(
          problem({
            code: 'citation-unknown',
            file: record.file,
            field: 'body',
            line: record.source.bodyLine + lineInBody,
            column: use.offset - before.lastIndexOf('\n'),
            message: `citation key "${use.key}" is not defined${catalog.bibliography === undefined ? ' (the catalog has no references.bib)' : ' in references.bib'}`,
          }),
        );
      }
    }
    return problems;
  },
};
