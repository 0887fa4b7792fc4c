import { formatField, problem, type Problem } from '../../diagnostics/problem.ts';
import type { RelationKind } from '../relations.ts';
import { locate } from '../source.ts';
import type { CatalogRule } from './types.ts';

/** Relations that form chains back in time; a loop in any of them is impossible. */
const chainKinds: RelationKind[] = ['derivedFrom', 'fineTunedFrom', 'parentRun', 'previousVersion'];

export const cyclesRule: CatalogRule = {
  name: 'cycles',
  check({ catalog, graph }) {
    const problems: Problem[] = [];
    for (const kind of chainKinds) {
      const state = new Map<string, 'visiting' | 'done'>();
      const visit = (id: string, trail: string[]): void => {
        state.set(id, 'visiting');
        for (const relation of graph.outgoing(id, kind)) {
          const next = relation.to;
          if (!catalog.records.has(next)) continue;
          if (state.get(next) === 'visiting') {
            const loop = [...trail.slice(trail.indexOf(next)), id, next];
            const record = catalog.records.get(id)!;
            problems.push(
              problem({
                code: 'cycle',
                file: record.file,
                field: formatField(relation.path),
                ...locate(record.source, relation.path),
                message: `${relation.rule.field} forms a cycle: ${loop.join(' → ')}`,
              }),
            );
          } else if (!state.has(next)) {
            visit(next, [...trail, id]);
          }
        }
        state.set(id, 'done');
      };
      for (const id of catalog.records.keys()) if (!state.has(id)) visit(id, []);
    }
    return problems;
  },
};
