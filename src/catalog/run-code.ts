/**
 * The code a run executed, whichever way the run names it: a repository URL
 * as written, or a software record whose repository (and page) it stands for.
 * Every export of run code reads it from here, so naming a software record
 * changes nothing downstream but the added link to that record.
 */
import type { CatalogGraph } from './graph.ts';
import type { CatalogRecord } from './load.ts';

export interface RunCode {
  repository: string;
  commit: string;
  entryPoint?: string;
  /** The software record the run names, when it names one. */
  software?: CatalogRecord<'software'>;
}

/** Undefined when the run records no code, or names a software record the catalog lacks (a check error). */
export function runCodeOf(run: CatalogRecord<'run'>, graph: CatalogGraph): RunCode | undefined {
  const code = run.data.code;
  if (!code) return undefined;
  const { commit, entryPoint } = code;
  if (code.repository) return { repository: code.repository, commit, entryPoint };
  const software = code.software ? graph.get(code.software, 'software') : undefined;
  return software && { repository: software.data.repository, commit, entryPoint, software };
}
