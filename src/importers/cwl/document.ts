/**
 * A CWL document as CWL v1.0–v1.2 write it in YAML: one process (a
 * Workflow, or a CommandLineTool, ExpressionTool or Operation alone), or a
 * packed `$graph` of processes whose entry is `#main`. Parameters, steps,
 * step inputs and outputs may each be a map by id or a list of objects
 * with an id; both forms are read into one: lists of ids.
 */
import { z } from 'zod';
import { isRecord } from '../source-files.ts';

export const cwlVersions = ['v1.0', 'v1.1', 'v1.2'] as const;

/** A map keyed by id, or a list whose items are objects with an id (or, for out, plain ids). */
const idMapOrList = z.union([z.record(z.string(), z.unknown()), z.array(z.union([z.string(), z.looseObject({ id: z.string().min(1) })]))]);

const text = z.union([z.string(), z.array(z.string())]);

const processSchema = z.looseObject({
  class: z.enum(['Workflow', 'CommandLineTool', 'ExpressionTool', 'Operation'], { error: 'must be Workflow, CommandLineTool, ExpressionTool or Operation' }),
  id: z.string().optional(),
  label: z.string().optional(),
  doc: text.optional(),
  baseCommand: text.optional(),
  inputs: idMapOrList.optional(),
  outputs: idMapOrList.optional(),
  steps: idMapOrList.optional(),
});

const cwlVersion = z.enum(cwlVersions, { error: 'must be v1.0, v1.1 or v1.2 (cwl-upgrader updates older drafts)' });

const packedSchema = z.looseObject({ cwlVersion, $graph: z.array(processSchema).min(1) });

const singleSchema = processSchema.extend({ cwlVersion });

/** Which form a document is in, as CWL runners tell: a packed one has a $graph key. */
export function documentSchemaOf(data: unknown): typeof packedSchema | typeof singleSchema {
  return isRecord(data) && '$graph' in data ? packedSchema : singleSchema;
}

/** A process nested in a workflow (a step's run), without a version of its own. */
export const nestedProcessSchema = processSchema;

export type CwlProcess = z.infer<typeof processSchema>;
export type CwlDocument = z.infer<typeof packedSchema> | z.infer<typeof singleSchema>;

/** The processes of a packed document; undefined for a single process. */
export function graphOf(document: CwlDocument): CwlProcess[] | undefined {
  return '$graph' in document && Array.isArray(document.$graph) ? (document.$graph as CwlProcess[]) : undefined;
}

/** An id as written ("#main/untar", "untar") by its last segment. */
export function shortId(id: string): string {
  return id.replace(/^#/, '').split('/').pop()!;
}

/** The ids of a map-or-list of parameters or steps, in the order written. */
export function idsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => (typeof item === 'string' ? [shortId(item)] : isRecord(item) && typeof item['id'] === 'string' ? [shortId(item['id'])] : []));
  return isRecord(value) ? Object.keys(value).map(shortId) : [];
}

/** Entries of a map-or-list as [id, value] pairs. */
export function entriesOf(value: unknown): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item): [string, unknown][] => (isRecord(item) && typeof item['id'] === 'string' ? [[shortId(item['id']), item]] : typeof item === 'string' ? [[shortId(item), item]] : []));
  return isRecord(value) ? Object.entries(value) : [];
}

/**
 * Where a step input's value comes from: "tarball" (a workflow input) or
 * "untar/extracted_file" (a step's output), as written in `in` (a source, a
 * list of them, or {source, default}); written with the packed form's
 * "#main/" prefix, it is read without it.
 */
export function sourcesOf(input: unknown, workflowId?: string): string[] {
  const source = isRecord(input) ? input['source'] : input;
  const sources = (Array.isArray(source) ? source : [source]).filter((item): item is string => typeof item === 'string');
  const prefix = workflowId ? `${workflowId.replace(/^#/, '')}/` : undefined;
  return sources.map((item) => {
    const bare = item.replace(/^#/, '');
    return prefix && bare.startsWith(prefix) ? bare.slice(prefix.length) : bare;
  });
}

export function textOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(' ') : value;
}
