/**
 * A workflow run's crate, a Provenance Run Crate 0.5: the workflow as in its
 * Workflow RO-Crate, the run of the whole workflow as a CreateAction whose
 * instrument is the workflow, and per step run a CreateAction whose
 * instrument is the step's tool and a ControlAction tying it to the
 * HowToStep it executed; an OrganizeAction, the engine's, orders them.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import { stepRunsOf, workflowOf } from '../../catalog/workflow-runs.ts';
import { workflowEngines } from '../common/workflow-description.ts';
import type { MetadataContext } from '../context.ts';
import type { PublishedRecord, Serializer } from '../types.ts';
import { actionRef, crateDateTime, endStatus } from './actions.ts';
import { agentRefs, type CrateBuilder } from './entities.ts';
import { CrateGraph, entity, referencedIds, type IdReference } from './graph.ts';
import { METADATA_FILE, PROCESS_RUN_CRATE, type RoCrate } from './index.ts';
import { recordCrate, WORKFLOW_RO_CRATE, type CrateProfile } from './record-crate.ts';
import { mainWorkflowRef, stepRef, toolRef } from './workflow.ts';

export const PROVENANCE_RUN_CRATE: CrateProfile = { url: 'https://w3id.org/ro/wfrun/provenance/0.5', name: 'Provenance Run Crate', version: '0.5' };

/** The Provenance Run Crate builds on all three: its root names each, as the profile recommends. */
const profiles: CrateProfile[] = [
  { url: PROCESS_RUN_CRATE, name: 'Process Run Crate', version: '0.5' },
  { url: 'https://w3id.org/ro/wfrun/workflow/0.5', name: 'Workflow Run Crate', version: '0.5' },
  PROVENANCE_RUN_CRATE,
  WORKFLOW_RO_CRATE,
];

/** A ControlAction's status: the shapes take only the end states, a run still going has none. */
function timing(run: CatalogRecord<'run'>) {
  return { startTime: crateDateTime(run.data.startTime), endTime: crateDateTime(run.data.endTime), actionStatus: endStatus(run.data.runStatus) };
}

interface StepAction {
  action: IdReference;
  control: IdReference;
}

/** Each step run's CreateAction, and the ControlAction that ran its step. */
function stepActions(builder: CrateBuilder, workflow: CatalogRecord<'workflow'>, execution: CatalogRecord<'run'>): StepAction[] {
  return stepRunsOf(builder.context.graph, execution).flatMap((stepRun) => {
    const step = workflow.data.steps.find((candidate) => candidate.id === stepRun.data.step);
    if (!step) return [];
    const action = actionRef(builder, stepRun, toolRef(builder, workflow, step));
    const control = builder.graph.add(
      entity(`${builder.context.landingUrl(stepRun)}#control`, 'ControlAction', {
        name: `Orchestration of step ${step.id} in ${execution.data.title}`,
        instrument: stepRef(builder, workflow, step),
        object: action,
        ...timing(stepRun),
      }),
    );
    return [{ action, control }];
  });
}

/** A workflow run that lists no outputs of its own produced what its steps did. */
function inheritResults(graph: CrateGraph, workflowAction: IdReference, steps: readonly StepAction[]): void {
  const described = graph.get(workflowAction['@id'])!;
  if (described['result'] !== undefined) return;
  const results = steps.flatMap(({ action }) => referencedIds(graph.get(action['@id'])?.['result']));
  if (results.length) described['result'] = [...new Set(results)].map((id) => ({ '@id': id }));
}

/** The engine's version as the run's environment records it (frameworks: {dvc: 3.51.2}); RO-Crate requires one. */
function engineVersion(execution: CatalogRecord<'run'>, engine: string): string {
  const frameworks = execution.data.environment?.frameworks ?? {};
  return Object.entries(frameworks).find(([name]) => name.toLowerCase() === engine.toLowerCase())?.[1] ?? 'not recorded';
}

export function provenanceCrateDocument(execution: CatalogRecord<'run'>, context: MetadataContext): RoCrate {
  const workflow = workflowOf(context.graph, execution);
  if (!workflow) throw new Error(`run "${execution.id}" names workflow "${execution.data.workflow}", which is not a workflow of this catalog`);
  const builder: CrateBuilder = { graph: new CrateGraph(), context };
  const mainEntity = mainWorkflowRef(builder, workflow);
  const action = actionRef(builder, execution, mainEntity);
  const steps = stepActions(builder, workflow, execution);
  inheritResults(builder.graph, action, steps);
  const controls = steps.map((step) => step.control);
  const { '@id': engineId, ...engine } = workflowEngines[workflow.data.language];
  const organize = builder.graph.add(
    entity(`${context.landingUrl(execution)}#orchestration`, 'OrganizeAction', {
      name: `Orchestration of ${execution.data.title}`,
      instrument: builder.graph.add(entity(engineId, 'SoftwareApplication', { ...engine, version: engineVersion(execution, engine.name) })),
      object: controls,
      result: action,
      agent: agentRefs(builder, execution.data.agents),
      ...timing(execution),
    }),
  );
  return recordCrate(builder, execution, { profiles, mainEntity, mentions: [action, organize, ...steps.flatMap((step) => [step.action, step.control])] });
}

export const provenanceRunCrate: Serializer<RoCrate> = {
  id: 'provenance-run-crate',
  label: 'Provenance Run Crate 0.5',
  fileName: METADATA_FILE,
  mediaType: 'application/ld+json',
  profile: PROVENANCE_RUN_CRATE.url,
  appliesTo: (record: PublishedRecord) => record.type === 'run' && record.data.workflow !== undefined,
  build(record, context) {
    if (record.type !== 'run') throw new Error(`a Provenance Run Crate packages a workflow run, not the ${record.type} "${record.id}"`);
    return provenanceCrateDocument(record, context);
  },
  render: (crate) => `${JSON.stringify(crate, null, 2)}\n`,
};
