/**
 * A run as a schema.org CreateAction that is also a prov:Activity. Inputs are
 * its object and outputs its result, as in the Workflow Run RO-Crate; the
 * hyperparameters join the inputs and the final metrics the outputs as
 * PropertyValues, so each value sits on the side of the run it belongs to.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import type { FileEntry } from '../../schema/index.ts';
import { resolveAgents } from '../common/agents.ts';
import { failureLabel, failureStatement } from '../common/failures.ts';
import { isWithdrawn } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { accessProperties } from './access.ts';
import { agentNode } from './agents.ts';
import { citableProperties, mergeProperties, type Properties } from './citable.ts';
import { fileNode } from './files.ts';
import { node, ref, type JsonLdNode, type JsonLdScalar } from './jsonld.ts';
import { referenceNode, referenceNodes } from './references.ts';
import { softwareNode } from './software.ts';
import { stepOf } from '../../catalog/workflow-runs.ts';
import { toolId, toolName } from '../common/workflow-description.ts';
import { actionStatus } from './vocabulary.ts';

/** What a run produced: records (stated on either side) and file artifacts. */
export function runOutputs(run: CatalogRecord<'run'>, context: MetadataContext): { records: string[]; files: FileEntry[] } {
  const outputs = run.data.outputs ?? [];
  const stated = outputs.filter((output): output is string => typeof output === 'string');
  const claimed = context.graph.incoming(run.id, 'generatedBy').map((relation) => relation.from);
  return {
    records: [...new Set([...stated, ...claimed])],
    files: outputs.filter((output): output is FileEntry => typeof output !== 'string'),
  };
}

/** Name → value pairs (hyperparameters, metrics) as PropertyValues, in the order written. */
export function propertyValues(values: Record<string, JsonLdScalar> | undefined): JsonLdNode[] {
  return Object.entries(values ?? {}).map(([name, value]) => node({ '@type': 'PropertyValue', name, value }));
}

/** A workflow run ran the workflow; a step run ran its step's tool (workflow-description.ts names both). */
function workflowInstrument(run: CatalogRecord<'run'>, context: MetadataContext): JsonLdNode | undefined {
  if (run.data.workflow) return referenceNode(run.data.workflow, context);
  const found = stepOf(context.graph, run);
  return found?.step && node({ '@id': toolId(found.workflow, context, found.step), '@type': 'SoftwareApplication', name: toolName(found.step) });
}

export function runProperties(record: CatalogRecord<'run'>, context: MetadataContext): Properties {
  const { data } = record;
  const inputs = referenceNodes(data.inputs, context);
  const outputs = runOutputs(record, context);
  const hardware = data.environment?.hardware;
  const properties = mergeProperties(citableProperties(record, context), accessProperties(record), {
    agent: resolveAgents(context, data.agents).map((agent) => agentNode(agent)),
    startTime: data.startTime,
    endTime: data.endTime,
    actionStatus: { '@id': actionStatus[data.runStatus] },
    instrument: [
      softwareNode(record, context),
      hardware && node({ '@type': 'Thing', name: hardware, description: 'Hardware the run used.' }),
      workflowInstrument(record, context),
    ],
    object: [inputs, propertyValues(data.parameters)],
    'prov:used': inputs,
    'prov:wasAssociatedWith': resolveAgents(context, data.agents).map((agent) => ref(agent.pageUrl)),
    result: [
      referenceNodes(outputs.records, context),
      isWithdrawn(record) ? [] : outputs.files.map((file) => fileNode(file)),
      propertyValues(data.metrics),
    ],
    isPartOf: [data.project && referenceNode(data.project, context), data.parent && referenceNode(data.parent, context)],
    keywords: data.tags,
    // schema.org's slot on an Action "for failed actions, more information on the cause of the failure".
    error: data.failures?.map((failure) => node({ '@type': 'Error', name: failure.what, description: failureStatement(failure, failureLabel(record)) })),
  });
  // An action has agents, not creators; citations credit the same people through creatorsOf.
  return { ...properties, creator: undefined };
}
