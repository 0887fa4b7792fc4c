import { formatField, problem, type Problem } from '../../diagnostics/problem.ts';
import { closest } from '../../diagnostics/suggest.ts';
import { bibliographyKeys } from '../citations.ts';
import { locate } from '../source.ts';
import type { CatalogRule } from './types.ts';

/** Every publication named by `ref` is an entry of references.bib. */
export const publicationsRule: CatalogRule = {
  name: 'publications',
  check({ catalog }) {
    const problems: Problem[] = [];
    // references.bib has its own error; every key failing with it would only repeat that.
    if (catalog.bibliographyUnreadable) return problems;
    const keys = bibliographyKeys(catalog.bibliography ?? '');
    for (const record of catalog.records.values()) {
      const publications = 'publications' in record.data ? (record.data.publications ?? []) : [];
      publications.forEach(({ ref }, index) => {
        if (ref === undefined || keys.has(ref)) return;
        const path = ['publications', index, 'ref'];
        const guess = closest(ref, keys);
        problems.push(
          problem({
            code: 'publication-unknown',
            file: record.file,
            field: formatField(path),
            ...locate(record.source, path),
            message: `"${ref}" is not a key of ${catalog.bibliography === undefined ? 'references.bib (the catalog has none)' : 'references.bib'}${guess ? ` (did you mean "${guess}"?)` : ''}`,
          }),
        );
      });
    }
    return problems;
  },
};
