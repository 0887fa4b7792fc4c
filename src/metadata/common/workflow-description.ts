/**
 * What every export says about a workflow the same way: its language as a
 * ComputerLanguage, its file's URL, its inputs and outputs as formal
 * parameters and each step's tool. schema.org nests these; RO-Crate lists
 * them flat. Ids are fragments of the workflow's landing page, so the
 * landing page and the crates name the same parameter the same way.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import type { Workflow, WorkflowStep } from '../../schema/index.ts';
import { codeUrl } from '../schema-org/software.ts';
import { recordTypeNames } from '../schema-org/vocabulary.ts';
import { referencedRecord } from '../schema-org/references.ts';
import type { MetadataContext } from '../context.ts';
import type { Properties } from '../schema-org/citable.ts';

export const BIOSCHEMAS_WORKFLOW_PROFILE = 'https://bioschemas.org/profiles/ComputationalWorkflow/1.0-RELEASE';
export const BIOSCHEMAS_PARAMETER_PROFILE = 'https://bioschemas.org/profiles/FormalParameter/1.0-RELEASE';

interface LanguageFacts {
  '@id': string;
  name: string;
  alternateName?: string;
  identifier?: string;
  url?: string;
}

/**
 * The languages as Workflow RO-Crate 1.0 identifies them (its #cwl,
 * #snakemake, #nextflow entities); it names no DVC, which is identified
 * by the page specifying dvc.yaml.
 */
export const workflowLanguageFacts: Record<Workflow['language'], LanguageFacts> = {
  cwl: { '@id': 'https://w3id.org/workflowhub/workflow-ro-crate#cwl', name: 'Common Workflow Language', alternateName: 'CWL', identifier: 'https://w3id.org/cwl/', url: 'https://www.commonwl.org/' },
  snakemake: { '@id': 'https://w3id.org/workflowhub/workflow-ro-crate#snakemake', name: 'Snakemake', identifier: 'https://snakemake.readthedocs.io', url: 'https://snakemake.readthedocs.io' },
  nextflow: { '@id': 'https://w3id.org/workflowhub/workflow-ro-crate#nextflow', name: 'Nextflow', identifier: 'https://www.nextflow.io/', url: 'https://www.nextflow.io/' },
  dvc: { '@id': 'https://dvc.org/doc/user-guide/project-structure/dvcyaml-files', name: 'DVC pipeline', alternateName: 'dvc.yaml', identifier: 'https://dvc.org/doc/user-guide/project-structure/dvcyaml-files', url: 'https://dvc.org/' },
  other: { '@id': '#workflow-language', name: 'Workflow language not named' },
};

/** The software that runs a workflow of each language, the Provenance Run Crate's OrganizeAction instrument. */
export const workflowEngines: Record<Workflow['language'], { '@id': string; name: string; url?: string }> = {
  dvc: { '@id': 'https://dvc.org/', name: 'DVC', url: 'https://dvc.org/' },
  snakemake: { '@id': 'https://snakemake.github.io/', name: 'Snakemake', url: 'https://snakemake.github.io/' },
  nextflow: { '@id': 'https://www.nextflow.io/', name: 'Nextflow', url: 'https://www.nextflow.io/' },
  // CWL files run on any conformant runner; which one ran is not recorded.
  cwl: { '@id': '#workflow-engine', name: 'A CWL runner (not recorded which)' },
  other: { '@id': '#workflow-engine', name: 'The workflow engine (not recorded which)' },
};

/** Where the workflow file is: in its repository at its commit where known, else the landing page stands for it. */
export function workflowFileUrl(workflow: CatalogRecord<'workflow'>, context: MetadataContext): string {
  const { repository, commit, file } = workflow.data;
  if (repository && commit) return codeUrl({ repository, commit, entryPoint: file });
  return `${context.landingUrl(workflow)}#workflow-file`;
}

function slug(value: string): string {
  return value.replaceAll(/[^A-Za-z0-9_.-]+/g, '-');
}

/** What the steps read that no earlier step wrote: the workflow's own inputs. */
export function workflowInputs(steps: readonly WorkflowStep[]): string[] {
  const written = new Set<string>();
  const inputs = new Set<string>();
  for (const step of steps) {
    for (const input of step.inputs ?? []) if (!written.has(input)) inputs.add(input);
    for (const output of step.outputs ?? []) written.add(output);
  }
  return [...inputs];
}

/** Everything the steps write, intermediate results included: a DVC pipeline keeps them all. */
export function workflowOutputs(steps: readonly WorkflowStep[]): string[] {
  return [...new Set(steps.flatMap((step) => step.outputs ?? []))];
}

export type Direction = 'input' | 'output';

/** The id of a parameter: the workflow's own (`owner` undefined) or one step's. */
export function parameterId(workflow: CatalogRecord<'workflow'>, context: MetadataContext, direction: Direction, value: string, step?: WorkflowStep): string {
  return `${context.landingUrl(workflow)}#${step ? `${slug(step.id)}-` : ''}${direction === 'input' ? 'in' : 'out'}-${slug(value)}`;
}

/** A FormalParameter's properties: a path is a File, a catalog record the type it is, with its page as default value. */
export function parameterProperties(value: string, direction: Direction, context: MetadataContext): Properties {
  const record = referencedRecord(value, context);
  return {
    name: record ? record.data.title : value,
    description: record ? `${direction === 'input' ? 'Reads' : 'Writes'} ${record.data.title} (${record.id} in this catalog).` : `${direction === 'input' ? 'Reads' : 'Writes'} ${value}.`,
    additionalType: record ? [recordTypeNames[record.type]].flat().find((type) => !type.includes(':')) : 'File',
    defaultValue: record ? context.landingUrl(record) : value,
    valueRequired: direction === 'input',
  };
}

/** The tool a step runs: its command, an entity of its own per step so that each step's parameters stay apart. */
export function toolId(workflow: CatalogRecord<'workflow'>, context: MetadataContext, step: WorkflowStep): string {
  return `${context.landingUrl(workflow)}#tool-${slug(step.id)}`;
}

export function stepId(workflow: CatalogRecord<'workflow'>, context: MetadataContext, step: WorkflowStep): string {
  return `${context.landingUrl(workflow)}#step-${slug(step.id)}`;
}

export function toolName(step: WorkflowStep): string {
  return step.command ?? `Step ${step.id}`;
}

/** RO-Crate requires software to have a version; a workflow's is its own, else its commit. */
export function workflowVersion(workflow: CatalogRecord<'workflow'>): string {
  return workflow.data.version ?? workflow.data.commit ?? 'not recorded';
}
