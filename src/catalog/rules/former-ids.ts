import { formatField, problem, type Problem } from '../../diagnostics/problem.ts';
import { locate } from '../source.ts';
import type { CatalogRule } from './types.ts';

/** A former id keeps its URL as a redirect, so it may belong to no other record, now or before. */
export const formerIdsRule: CatalogRule = {
  name: 'former-ids',
  check({ catalog }) {
    const problems: Problem[] = [];
    const claimedBy = new Map<string, string>();
    for (const record of catalog.records.values()) {
      const formerIds = 'formerIds' in record.data ? (record.data.formerIds ?? []) : [];
      formerIds.forEach((formerId, index) => {
        const path = ['formerIds', index];
        const owner = catalog.records.get(formerId) ? catalog.records.get(formerId)!.file : claimedBy.get(formerId);
        if (owner) {
          problems.push(
            problem({
              code: 'duplicate-id',
              file: record.file,
              field: formatField(path),
              ...locate(record.source, path),
              message: `former id "${formerId}" is also used by ${owner}`,
              hint: 'An old URL can redirect to one record only; remove the former id from one of them.',
            }),
          );
        } else claimedBy.set(formerId, record.file);
      });
    }
    return problems;
  },
};
