import { problem, type Problem } from '../../diagnostics/problem.ts';
import type { CatalogRecord } from '../load.ts';
import { locate } from '../source.ts';
import { workflowOf } from '../workflow-runs.ts';
import type { CatalogRule } from './types.ts';

/**
 * A step run names a step of its workflow: its parent is a run of a workflow
 * (one naming `workflow`), and `step` is the id of one of that workflow's
 * steps. A wrong id, or a parent that runs no workflow, leaves the step run
 * out of the workflow run's provenance, so both are errors.
 */
export const workflowStepsRule: CatalogRule = {
  name: 'workflow-steps',
  check({ catalog, graph }) {
    const problems: Problem[] = [];
    for (const record of catalog.records.values()) {
      if (record.type !== 'run' || record.data.step === undefined) continue;
      const run = record as CatalogRecord<'run'>;
      const step = record.data.step;
      // Located only for a problem: finding a position parses the file again.
      const at = () => ({ file: run.file, field: 'step', ...locate(run.source, ['step']) });
      const parent = run.data.parent === undefined ? undefined : graph.get(run.data.parent, 'run');
      if (run.data.parent === undefined) {
        problems.push(
          problem({
            code: 'missing-field',
            ...at(),
            field: 'parent',
            message: `step "${step}" needs parent: the run of the workflow this step ran in`,
            hint: 'Add parent: <id of the workflow run> (the run that names workflow:), or remove step if this run is no step of a workflow.',
          }),
        );
        continue;
      }
      // A missing or mistyped parent is the references rule's to report.
      if (!parent) continue;
      const workflow = workflowOf(graph, parent);
      if (!workflow) {
        if (parent.data.workflow === undefined) {
          problems.push(
            problem({
              code: 'invalid-value',
              ...at(),
              message: `step "${step}" names a step, but its parent run "${parent.id}" (${parent.file}) names no workflow`,
              hint: `Add workflow: <workflow id> to ${parent.file}, or remove step from this run.`,
            }),
          );
        }
        continue;
      }
      const steps = workflow.data.steps.map((step) => step.id);
      if (!steps.includes(step)) {
        problems.push(
          problem({
            code: 'invalid-value',
            ...at(),
            message: `"${step}" is not a step of workflow "${workflow.id}" (${workflow.file}), whose steps are ${steps.join(', ')}`,
            hint: `Use one of the step ids of ${workflow.file}: ${steps.join(', ')}; or add the step there.`,
          }),
        );
      }
    }
    return problems;
  },
};
