/**
 * A workflow's own crate, a Workflow RO-Crate 1.0: the workflow file as the
 * main entity with its language, parameters, steps and tools, ready for
 * WorkflowHub or any RO-Crate reader.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import type { MetadataContext } from '../context.ts';
import type { PublishedRecord, Serializer } from '../types.ts';
import { CrateGraph } from './graph.ts';
import type { CrateBuilder } from './entities.ts';
import { METADATA_FILE, type RoCrate } from './index.ts';
import { recordCrate, WORKFLOW_RO_CRATE } from './record-crate.ts';
import { mainWorkflowRef } from './workflow.ts';

export function workflowCrateDocument(workflow: CatalogRecord<'workflow'>, context: MetadataContext): RoCrate {
  const builder: CrateBuilder = { graph: new CrateGraph(), context };
  const mainEntity = mainWorkflowRef(builder, workflow);
  return recordCrate(builder, workflow, { profiles: [WORKFLOW_RO_CRATE], mainEntity });
}

export const workflowRoCrate: Serializer<RoCrate> = {
  id: 'workflow-ro-crate',
  label: 'Workflow RO-Crate 1.0',
  fileName: METADATA_FILE,
  mediaType: 'application/ld+json',
  profile: WORKFLOW_RO_CRATE.url,
  appliesTo: (record: PublishedRecord) => record.type === 'workflow',
  build(record, context) {
    if (record.type !== 'workflow') throw new Error(`a Workflow RO-Crate packages a workflow, not the ${record.type} "${record.id}"`);
    return workflowCrateDocument(record, context);
  },
  render: (crate) => `${JSON.stringify(crate, null, 2)}\n`,
};
