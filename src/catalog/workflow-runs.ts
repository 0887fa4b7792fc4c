/**
 * Runs of workflows: a run naming `workflow` is one execution of it; its step
 * runs name that run as parent and their `step` by the id the workflow gives
 * it. The rule, the pages and the exports all find the workflow this way.
 */
import type { WorkflowStep } from '../schema/index.ts';
import type { CatalogGraph } from './graph.ts';
import type { CatalogRecord } from './load.ts';

export interface StepOfRun {
  /** The run of the whole workflow that the step run belongs to. */
  execution: CatalogRecord<'run'>;
  workflow: CatalogRecord<'workflow'>;
  /** The step, if the workflow has one by that id. */
  step?: WorkflowStep;
}

/** The workflow a run executes, for a run naming one. */
export function workflowOf(graph: CatalogGraph, run: CatalogRecord<'run'>): CatalogRecord<'workflow'> | undefined {
  return run.data.workflow === undefined ? undefined : graph.get(run.data.workflow, 'workflow');
}

/** The workflow run and step a step run belongs to; undefined when its parent is no run of a catalog workflow. */
export function stepOf(graph: CatalogGraph, run: CatalogRecord<'run'>): StepOfRun | undefined {
  if (run.data.step === undefined || run.data.parent === undefined) return undefined;
  const execution = graph.get(run.data.parent, 'run');
  const workflow = execution && workflowOf(graph, execution);
  if (!execution || !workflow) return undefined;
  return { execution, workflow, step: workflow.data.steps.find((step) => step.id === run.data.step) };
}

/** The step runs of a workflow run, in the order of the workflow's steps. */
export function stepRunsOf(graph: CatalogGraph, execution: CatalogRecord<'run'>): CatalogRecord<'run'>[] {
  const workflow = workflowOf(graph, execution);
  const order = (run: CatalogRecord<'run'>) => workflow?.data.steps.findIndex((step) => step.id === run.data.step) ?? -1;
  return graph
    .incoming(execution.id, 'parentRun')
    .map((relation) => graph.get(relation.from, 'run'))
    .filter((run): run is CatalogRecord<'run'> => run?.data.step !== undefined)
    .sort((a, b) => order(a) - order(b));
}
