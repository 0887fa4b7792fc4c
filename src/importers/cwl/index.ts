/**
 * `npm run import -- cwl <workflow.cwl>`: a CWL Workflow as a workflow
 * record: each step with the command of the tool it runs, what it reads
 * (workflow inputs, or other steps' outputs as step/output) and what it
 * writes, in the order the connections make them run. A CommandLineTool (or
 * ExpressionTool) alone is a workflow of one step. CWL v1.0 to v1.2, YAML or
 * JSON, single or packed ($graph).
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { standInCreators } from '../people.ts';
import { isRecord, problemAt, readYaml, unsafePathReason } from '../source-files.ts';
import { failed, type ImportContext, type Importer, type ImportPlan, type ImportProblem } from '../types.ts';
import { validateSource } from '../validate-source.ts';
import { documentSchemaOf, entriesOf, graphOf, idsOf, nestedProcessSchema, shortId, sourcesOf, textOf, type CwlDocument, type CwlProcess } from './document.ts';

interface Step {
  id: string;
  description?: string;
  command?: string;
  inputs: string[];
  outputs: string[];
}

/** The entry of a document: the process itself, or #main of a packed $graph (its only process, if just one). */
function entryOf(document: CwlDocument): CwlProcess | undefined {
  const graph = graphOf(document);
  if (!graph) return document as CwlProcess;
  return graph.find((process) => process.id !== undefined && shortId(process.id) === 'main') ?? (graph.length === 1 ? graph[0] : undefined);
}

/** What a step runs: an inline process, a process of the packed graph (#id), or a file beside the workflow, if it can be read. */
function resolveRun(run: unknown, document: CwlDocument, folder: string, label: string, notes: string[]): CwlProcess | undefined {
  if (isRecord(run)) {
    const parsed = nestedProcessSchema.safeParse(run);
    return parsed.success ? parsed.data : undefined;
  }
  if (typeof run !== 'string') return undefined;
  const graph = graphOf(document);
  if (run.startsWith('#') && graph) return graph.find((process) => process.id !== undefined && shortId(process.id) === shortId(run));
  const reason = /^[a-z][a-z0-9+.-]*:/i.test(run) ? 'is a URL' : unsafePathReason(run);
  const path = join(folder, run);
  if (reason || !existsSync(path)) {
    notes.push(`${label}: runs ${run}, which ${reason ?? 'is not beside the workflow'}; its command is left out`);
    return undefined;
  }
  const read = readYaml(path);
  const parsed = read.problems ? undefined : documentSchemaOf(read.value).safeParse(read.value);
  if (!parsed?.success) {
    notes.push(`${label}: runs ${run}, which is no CWL process this importer reads; its command is left out`);
    return undefined;
  }
  return entryOf(parsed.data);
}

/** The command a tool runs: its baseCommand and fixed string arguments. */
function commandOf(process: CwlProcess | undefined): string | undefined {
  if (!process) return undefined;
  const fixed = Array.isArray(process['arguments']) ? process['arguments'].filter((argument): argument is string => typeof argument === 'string') : [];
  const command = [textOf(process.baseCommand), ...fixed].filter(Boolean).join(' ');
  return command || (process.class === 'ExpressionTool' ? 'CWL expression (JavaScript)' : undefined);
}

function workflowSteps(workflow: CwlProcess, document: CwlDocument, folder: string, notes: string[]): Step[] {
  return entriesOf(workflow.steps).map(([id, value]) => {
    const step = isRecord(value) ? value : {};
    const process = resolveRun(step['run'], document, folder, `CWL step ${id}`, notes);
    const inputs = entriesOf(step['in']).flatMap(([, input]) => sourcesOf(input, workflow.id));
    return {
      id,
      description: textOf((step['doc'] ?? step['label'] ?? process?.doc ?? process?.label) as string | string[] | undefined),
      command: commandOf(process),
      inputs: [...new Set(inputs)],
      outputs: idsOf(step['out']).map((output) => `${id}/${output}`),
    };
  });
}

/** Steps in an order they can run in: each after the steps whose outputs it reads, otherwise as written. */
function runOrder(steps: Step[]): Step[] {
  const ordered: Step[] = [];
  const pending = [...steps];
  while (pending.length) {
    const done = new Set(ordered.map((step) => step.id));
    const ready = pending.findIndex((step) => step.inputs.every((input) => !input.includes('/') || done.has(input.split('/')[0]!) || !steps.some((other) => other.id === input.split('/')[0])));
    // A cycle (which CWL forbids) keeps the written order rather than looping.
    ordered.push(...pending.splice(ready === -1 ? 0 : ready, 1));
  }
  return ordered;
}

/** A tool alone as one step, named after the file, reading its inputs and writing its outputs. */
function toolStep(tool: CwlProcess, file: string): Step {
  const id = tool.id ? shortId(tool.id) : basename(file).replace(/\.(?:cwl|ya?ml|json)$/i, '').replaceAll(/[^A-Za-z0-9_.-]+/g, '-');
  return { id: id === 'main' ? basename(file).replace(/\.\w+$/, '') : id, description: textOf(tool.doc), command: commandOf(tool), inputs: idsOf(tool.inputs), outputs: idsOf(tool.outputs) };
}

function withoutEmpty(step: Step) {
  return Object.fromEntries(Object.entries(step).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
}

function cwlPlan(document: CwlDocument, entry: CwlProcess, path: string, context: ImportContext): ImportPlan | { problems: ImportProblem[] } {
  const notes: string[] = [];
  const file = basename(path);
  const steps = entry.class === 'Workflow' ? runOrder(workflowSteps(entry, document, dirname(path), notes)) : [toolStep(entry, file)];
  if (!steps.length) return { problems: [problemAt(path, 'steps: the workflow has no steps', { field: 'steps' })] };
  if (entry.class !== 'Workflow') notes.push(`CWL ${file}: a ${entry.class} alone, imported as a workflow of one step`);
  const title = entry.label ?? `CWL workflow ${file}`;
  notes.push(`CWL ${file}: the file names no repository; add repository, commit and file to the workflow so that its exports link the file`);
  const fields = {
    title,
    description: textOf(entry.doc) ?? `The CWL ${entry.class === 'Workflow' ? 'workflow' : 'tool'} ${file}, steps ${steps.map((step) => step.id).join(' → ')}.`,
    creators: standInCreators(context.catalog, `CWL ${file}`, notes),
    ...(context.project && { project: context.project }),
    language: 'cwl',
    languageVersion: document.cwlVersion,
    file,
    steps: steps.map(withoutEmpty),
  };
  return {
    records: [{ key: 'workflow', type: 'workflow', origin: { tool: 'cwl', id: file }, name: entry.label ?? file.replace(/\.\w+$/, ''), fields, body: `Imported from ${file}. Say here what the workflow is for.` }],
    notes,
  };
}

export const cwlImporter: Importer = {
  name: 'cwl',
  source: 'a CWL workflow or tool file (CWL v1.0 to v1.2)',
  async plan(path, context) {
    const absolute = resolve(path);
    const read = readYaml(absolute, 'CWL file');
    if (read.problems) return failed(...read.problems);
    const parsed = validateSource(documentSchemaOf(read.value), read.value, absolute);
    if (parsed.problems) return failed(...parsed.problems);
    const entry = entryOf(parsed.value);
    if (!entry) return failed(problemAt(absolute, '$graph: a packed document needs a process with id #main', { field: '$graph' }));
    const plan = cwlPlan(parsed.value, entry, absolute, context);
    return 'problems' in plan ? failed(...plan.problems) : { plan };
  },
};
