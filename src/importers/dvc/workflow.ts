/**
 * The DVC pipeline as a workflow record (dvc.yaml: each stage a step with its
 * command, what it reads and what it writes), and the execution dvc.lock
 * records as a run of it, whose stage runs are its step runs.
 *
 * DVC keeps only the last execution in dvc.lock. Where git knows the commit
 * that last changed dvc.lock, that commit tells executions apart: importing
 * after the next `dvc repro` and commit adds a new run with its stage runs.
 * Without git, the one execution the lock describes is updated in place.
 */
import { basename } from 'node:path';
import { standInCreators } from '../people.ts';
import type { ImportContext, PlannedRecord } from '../types.ts';
import { ref } from '../types.ts';
import type { GitFacts } from './git.ts';
import { entryPath, type Pipeline } from './pipeline.ts';

export const WORKFLOW_KEY = 'workflow';
export const EXECUTION_KEY = 'execution';

const DEFAULT_PARAMS = 'params.yaml';

/** Where the pipeline is, as importedFrom ids name it: its repository URL, else the folder's name. */
export function pipelineId(repository: string, git: GitFacts): string {
  return git.repository ?? basename(repository);
}

/** The execution's own origin, and the prefix of its stage runs' origins. */
export function executionId(repository: string, git: GitFacts): string {
  return git.lockCommit ? `${pipelineId(repository, git)}@${git.lockCommit}` : pipelineId(repository, git);
}

/** The files a stage's params come from: params.yaml for bare keys, the named file for {file: [keys]}. */
function paramsFiles(stage: Pipeline['stages'][string]): string[] {
  return [...new Set((stage.params ?? []).map((entry) => (typeof entry === 'string' ? DEFAULT_PARAMS : Object.keys(entry)[0]!)))];
}

function command(cmd: string | string[] | undefined): string | undefined {
  return Array.isArray(cmd) ? cmd.join(' && ') : cmd;
}

/** A stage as a step: DVC's deps and params files are what it reads; outs and metrics what it writes. */
function step(name: string, stage: Pipeline['stages'][string]) {
  const inputs = [...(stage.deps ?? []), ...paramsFiles(stage)];
  const outputs = [...(stage.outs ?? []), ...(stage.metrics ?? [])].map(entryPath);
  const generated = stage.foreach !== undefined || stage.matrix !== undefined;
  return Object.fromEntries(
    Object.entries({
      id: name,
      description: generated ? `Runs once per item of its ${stage.foreach !== undefined ? 'foreach' : 'matrix'} list.` : undefined,
      command: command(stage.cmd),
      inputs: inputs.length ? [...new Set(inputs)] : undefined,
      outputs: outputs.length ? [...new Set(outputs)] : undefined,
    }).filter(([, value]) => value !== undefined),
  );
}

export function workflowRecord(pipeline: Pipeline, repository: string, git: GitFacts, context: ImportContext, notes: string[]): PlannedRecord {
  const name = pipelineId(repository, git);
  const label = `DVC pipeline of ${git.repository ?? basename(repository)}`;
  const stages = Object.keys(pipeline.stages);
  const fields = {
    title: label,
    description: `The DVC pipeline (dvc.yaml) of ${git.repository ?? basename(repository)}, stages ${stages.join(' → ')}.`,
    creators: standInCreators(context.catalog, label, notes),
    ...(context.project && { project: context.project }),
    language: 'dvc',
    repository: git.repository,
    commit: git.repository && git.commit,
    file: 'dvc.yaml',
    steps: Object.entries(pipeline.stages).map(([stage, definition]) => step(stage, definition)),
  };
  return {
    key: WORKFLOW_KEY,
    type: 'workflow',
    origin: { tool: 'dvc', id: `${name}#dvc.yaml` },
    name: `${basename(git.repository ?? repository)} pipeline`,
    fields: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    body: 'Imported from dvc.yaml. Say here what the pipeline is for.',
  };
}

export function executionRecord(repository: string, git: GitFacts, started: string, context: ImportContext): PlannedRecord {
  const where = git.repository ?? basename(repository);
  const fields = {
    title: `DVC pipeline run of ${where}${git.lockCommit ? ` at ${git.lockCommit.slice(0, 7)}` : ''}`,
    description: `The execution of the DVC pipeline of ${where} that dvc.lock records${git.lockCommit ? ` at commit ${git.lockCommit}` : ''}; its stage runs are its steps.`,
    ...(context.project && { project: context.project }),
    workflow: ref(WORKFLOW_KEY),
    runStatus: 'finished',
    startTime: started,
    ...(git.repository && git.commit && { code: { repository: git.repository, commit: git.lockCommit ?? git.commit, entryPoint: 'dvc.yaml' } }),
  };
  return {
    key: EXECUTION_KEY,
    type: 'run',
    origin: { tool: 'dvc', id: `${executionId(repository, git)}#dvc.lock` },
    name: `${basename(git.repository ?? repository)} pipeline run${git.lockCommit ? ` ${git.lockCommit.slice(0, 7)}` : ''}`,
    fields,
    body: 'Imported from dvc.lock. Say here why the pipeline was run and what came of it.',
  };
}
