/**
 * A workflow in a crate, as Workflow RO-Crate 1.0 and the Provenance Run
 * Crate want it: the workflow file is the main entity, typed File,
 * SoftwareSourceCode and ComputationalWorkflow (and HowTo, as it lists its
 * steps), its language a ComputerLanguage; each step a HowToStep whose
 * workExample is the tool it runs, each tool a part of the workflow with its
 * own input and output FormalParameters.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import type { WorkflowStep } from '../../schema/index.ts';
import { creatorsOf, descriptionOf, publicationDate } from '../common/record-facts.ts';
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
  workflowVersion,
  type Direction,
} from '../common/workflow-description.ts';
import { agentRef, licenseRef, type CrateBuilder } from './entities.ts';
import { entity, type IdReference } from './graph.ts';

const bioschemasProfiles = {
  [BIOSCHEMAS_WORKFLOW_PROFILE]: 'Bioschemas ComputationalWorkflow profile',
  [BIOSCHEMAS_PARAMETER_PROFILE]: 'Bioschemas FormalParameter profile',
};

function bioschemasProfileRef({ graph }: CrateBuilder, profile: keyof typeof bioschemasProfiles): IdReference {
  return graph.add(entity(profile, 'CreativeWork', { name: bioschemasProfiles[profile], version: '1.0-RELEASE', url: profile }));
}

function parameterRefs(builder: CrateBuilder, workflow: CatalogRecord<'workflow'>, direction: Direction, values: readonly string[], step?: WorkflowStep): IdReference[] {
  return values.map((value) =>
    builder.graph.add(
      // A PropertyValueSpecification too: schema.org's type of what valueRequired and defaultValue describe, as RO-Crate wants one schema.org type.
      entity(parameterId(workflow, builder.context, direction, value, step), ['FormalParameter', 'PropertyValueSpecification'], {
        ...parameterProperties(value, direction, builder.context),
        conformsTo: bioschemasProfileRef(builder, BIOSCHEMAS_PARAMETER_PROFILE),
      }),
    ),
  );
}

/**
 * Software a step runs, as an application: RO-Crate holds every
 * SoftwareSourceCode to be a file (a Script), and a software record is a
 * repository; its page is its url, as RO-Crate requires one, and a version.
 */
function softwareRefs(builder: CrateBuilder, ids: readonly string[] | undefined): IdReference[] {
  return (ids ?? []).flatMap((id) => {
    const software = builder.context.graph.get(id, 'software');
    if (!software) return [];
    const url = builder.context.landingUrl(software);
    return [builder.graph.add(entity(url, 'SoftwareApplication', { name: software.data.title, description: descriptionOf(software), url, version: software.data.version ?? software.data.commit ?? 'not recorded' }))];
  });
}

/** The tool a step runs; step runs name it as their instrument. It is found in the workflow file, at the workflow's version. */
export function toolRef(builder: CrateBuilder, workflow: CatalogRecord<'workflow'>, step: WorkflowStep): IdReference {
  return builder.graph.add(
    entity(toolId(workflow, builder.context, step), 'SoftwareApplication', {
      name: toolName(step),
      description: step.description ?? `What step ${step.id} of ${workflow.data.title} runs.`,
      url: workflowFileUrl(workflow, builder.context),
      version: workflowVersion(workflow),
      isBasedOn: softwareRefs(builder, step.software),
      input: parameterRefs(builder, workflow, 'input', step.inputs ?? [], step),
      output: parameterRefs(builder, workflow, 'output', step.outputs ?? [], step),
    }),
  );
}

export function stepRef(builder: CrateBuilder, workflow: CatalogRecord<'workflow'>, step: WorkflowStep): IdReference {
  const position = workflow.data.steps.indexOf(step) + 1;
  return builder.graph.add(
    entity(stepId(workflow, builder.context, step), 'HowToStep', { name: step.id, description: step.description, position, workExample: toolRef(builder, workflow, step) }),
  );
}

function languageRef({ graph }: CrateBuilder, workflow: CatalogRecord<'workflow'>): IdReference {
  const { '@id': id, ...facts } = workflowLanguageFacts[workflow.data.language];
  // One entity per version: RO-Crate requires a ComputerLanguage to have one.
  const version = workflow.data.languageVersion ?? 'not recorded';
  return graph.add(entity(workflow.data.languageVersion ? `${id}-${version}` : id, 'ComputerLanguage', { ...facts, version }));
}

/** Workflow files are YAML (DVC, CWL), Snakefiles and Nextflow scripts text. */
function workflowMediaType(file: string | undefined): string {
  return /\.(?:ya?ml|cwl)$/i.test(file ?? '') ? 'application/yaml' : 'text/plain';
}

export function mainWorkflowRef(builder: CrateBuilder, workflow: CatalogRecord<'workflow'>): IdReference {
  const { context } = builder;
  const { data } = workflow;
  return builder.graph.add(
    entity(workflowFileUrl(workflow, context), ['File', 'SoftwareSourceCode', 'ComputationalWorkflow', 'HowTo'], {
      name: data.title,
      description: descriptionOf(workflow),
      alternateName: data.file,
      url: context.landingUrl(workflow),
      encodingFormat: workflowMediaType(data.file),
      conformsTo: bioschemasProfileRef(builder, BIOSCHEMAS_WORKFLOW_PROFILE),
      programmingLanguage: languageRef(builder, workflow),
      codeRepository: data.repository,
      version: workflowVersion(workflow),
      creator: creatorsOf(workflow, context).map((agent) => agentRef(builder, agent)),
      license: licenseRef(builder, workflow),
      dateCreated: publicationDate(workflow),
      sdDatePublished: data.dateModified ?? publicationDate(workflow),
      input: parameterRefs(builder, workflow, 'input', workflowInputs(data.steps)),
      output: parameterRefs(builder, workflow, 'output', workflowOutputs(data.steps)),
      hasPart: data.steps.map((step) => toolRef(builder, workflow, step)),
      step: data.steps.map((step) => stepRef(builder, workflow, step)),
    }),
  );
}
