import { problem } from '../../diagnostics/problem.ts';
import { recordTypes } from '../../schema/index.ts';
import { isExternal } from '../graph.ts';
import { locate } from '../source.ts';
import { formatField } from '../../diagnostics/problem.ts';
import type { CatalogRule } from './types.ts';

const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

/**
 * Every id a record names exists, and is a record of a type the field allows.
 * A record whose file has errors still exists: naming it is no second fault.
 */
export const referencesRule: CatalogRule = {
  name: 'references',
  check({ catalog, graph }) {
    const problems = [];
    for (const relation of graph.relations) {
      const source = catalog.records.get(relation.from)!;
      const withErrors = catalog.withErrors.get(relation.to);
      if (withErrors && relation.rule.targets.includes(withErrors.type)) continue;
      if (isExternal(relation.to)) {
        if (!relation.rule.external) {
          problems.push(
            problem({
              code: 'invalid-value',
              file: source.file,
              field: formatField(relation.path),
              ...locate(source.source, relation.path),
              message: `"${relation.to}" must be the id of ${relation.rule.targets.map((type) => article(type)).join(' or ')} in this catalog`,
            }),
          );
        }
        continue;
      }
      const target = catalog.records.get(relation.to) ?? withErrors;
      const expected = relation.rule.targets.map((type) => article(recordTypes[type].label.toLowerCase())).join(' or ');
      if (!target) {
        problems.push(
          problem({
            code: 'dangling-reference',
            file: source.file,
            field: formatField(relation.path),
            ...locate(source.source, relation.path),
            message: `"${relation.to}" is not a record in this catalog (expected ${expected})`,
          }),
        );
      } else if (!relation.rule.targets.includes(target.type)) {
        problems.push(
          problem({
            code: 'wrong-reference-type',
            file: source.file,
            field: formatField(relation.path),
            ...locate(source.source, relation.path),
            message: `"${relation.to}" is ${article(recordTypes[target.type].label.toLowerCase())} (${target.file}), but ${relation.rule.field} takes ${expected}`,
          }),
        );
      }
    }
    const publisher = catalog.settings?.publisher;
    const publisherType = (catalog.records.get(publisher ?? '') ?? catalog.withErrors.get(publisher ?? ''))?.type;
    if (publisher && publisherType !== 'organization' && catalog.settingsSource) {
      problems.push(
        problem({
          code: publisherType ? 'wrong-reference-type' : 'dangling-reference',
          file: catalog.settingsSource.file,
          field: 'publisher',
          ...locate(catalog.settingsSource, ['publisher']),
          message: `publisher "${publisher}" must be the id of an organization in organizations/`,
        }),
      );
    }
    return problems;
  },
};
