/**
 * A workflow as the Bioschemas ComputationalWorkflow profile 1.0 describes
 * it: SoftwareSourceCode and ComputationalWorkflow, its language a
 * ComputerLanguage, its inputs and outputs FormalParameters; and, as RO-Crate's
 * workflow conventions do, a HowTo whose HowToSteps name the tool each runs.
 * Bioschemas terms are not in schema.org: they are written as bioschemas:
 * IRIs, the same IRIs the RO-Crate context gives them.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import type { WorkflowStep } from '../../schema/index.ts';
import { publicationDate, publisherOf } from '../common/record-facts.ts';
import {
  BIOSCHEMAS_PARAMETER_PROFILE,
  BIOSCHEMAS_WORKFLOW_PROFILE,
  parameterId,
  parameterProperties,
  stepId,
  toolId,
  toolName,
  workflowFileUrl,
  workflowInputs,
  workflowLanguageFacts,
  workflowOutputs,
  type Direction,
} from '../common/workflow-description.ts';
import type { MetadataContext } from '../context.ts';
import { agentNode } from './agents.ts';
import { citableProperties, type Properties } from './citable.ts';
import { node, ref, type JsonLdNode } from './jsonld.ts';
import { referenceNodes } from './references.ts';

/** The Bioschemas terms, as full IRIs under the bioschemas: prefix of the context. */
export const bioschemas = {
  ComputationalWorkflow: 'bioschemas:ComputationalWorkflow',
  FormalParameter: 'bioschemas:FormalParameter',
  input: 'bioschemas:ComputationalWorkflow#input',
  output: 'bioschemas:ComputationalWorkflow#output',
} as const;

function parameterNodes(workflow: CatalogRecord<'workflow'>, context: MetadataContext, direction: Direction, values: readonly string[], step?: WorkflowStep): JsonLdNode[] {
  return values.map((value) =>
    node({
      '@id': parameterId(workflow, context, direction, value, step),
      '@type': bioschemas.FormalParameter,
      'dct:conformsTo': ref(BIOSCHEMAS_PARAMETER_PROFILE),
      ...parameterProperties(value, direction, context),
    }),
  );
}

function toolNode(workflow: CatalogRecord<'workflow'>, context: MetadataContext, step: WorkflowStep): JsonLdNode {
  return node({
    '@id': toolId(workflow, context, step),
    '@type': 'SoftwareApplication',
    name: toolName(step),
    description: step.description,
    isBasedOn: referenceNodes(step.software, context),
    [bioschemas.input]: parameterNodes(workflow, context, 'input', step.inputs ?? [], step),
    [bioschemas.output]: parameterNodes(workflow, context, 'output', step.outputs ?? [], step),
  });
}

export function workflowProperties(workflow: CatalogRecord<'workflow'>, context: MetadataContext): Properties {
  const { data } = workflow;
  const language = workflowLanguageFacts[data.language];
  const publisher = publisherOf(context);
  return {
    ...citableProperties(workflow, context),
    'dct:conformsTo': ref(BIOSCHEMAS_WORKFLOW_PROFILE),
    programmingLanguage: node({ ...language, '@type': 'ComputerLanguage', '@id': new URL(language['@id'], context.landingUrl(workflow)).href }),
    codeRepository: data.repository,
    // Bioschemas asks for a version: the workflow's own, else the commit it is at.
    version: data.version ?? data.commit,
    contentUrl: data.repository && data.commit ? workflowFileUrl(workflow, context) : undefined,
    dateCreated: publicationDate(workflow),
    sdPublisher: publisher && agentNode(publisher),
    [bioschemas.input]: parameterNodes(workflow, context, 'input', workflowInputs(data.steps)),
    [bioschemas.output]: parameterNodes(workflow, context, 'output', workflowOutputs(data.steps)),
    hasPart: data.steps.map((step) => toolNode(workflow, context, step)),
    step: data.steps.map((step, index) =>
      node({ '@id': stepId(workflow, context, step), '@type': 'HowToStep', name: step.id, position: index + 1, text: step.description, workExample: ref(toolId(workflow, context, step)) }),
    ),
  };
}
