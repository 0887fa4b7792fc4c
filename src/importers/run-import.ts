/**
 * One import from start to end: read the catalog, let the importer plan,
 * and apply the plan (or report why not). What `npm run import` and the
 * tests call.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath, loadCatalog, SETTINGS_FILE } from '../catalog/load.ts';
import { isAbsoluteUrl } from '../schema/common/identifiers.ts';
import { indexCatalog, originKey } from './catalog-index.ts';
import type { ImportContext, Importer, ImportProblem, ImportTool } from './types.ts';
import { writePlan, type FileChange } from './write-plan.ts';

export interface ImportOptions {
  /** Catalog folder. */
  catalog: string;
  project?: string;
  filesUrl?: string;
  dryRun?: boolean;
  /** Told how far a long import has come (progress.ts draws it as a line on a terminal). */
  progress?: ImportContext['progress'];
}

export interface ImportOutcome {
  written: boolean;
  problems: ImportProblem[];
  changes: FileChange[];
  notes: string[];
}

function optionProblems(options: ImportOptions, catalog: ReturnType<typeof loadCatalog>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const settings = join(resolve(options.catalog), SETTINGS_FILE);
  if (!existsSync(settings)) problems.push({ file: displayPath(settings), message: 'not found: is this a catalog folder?' });
  if (options.project && catalog.records.get(options.project)?.type !== 'project') {
    problems.push({ file: displayPath(settings), field: '--project', message: `"${options.project}" is not a project in this catalog` });
  }
  if (options.filesUrl && !isAbsoluteUrl(options.filesUrl)) {
    problems.push({ file: displayPath(settings), field: '--files-url', message: `"${options.filesUrl}" is not an absolute http(s) URL` });
  }
  return problems;
}

export async function runImport(importer: Importer, source: string, options: ImportOptions): Promise<ImportOutcome> {
  const catalog = loadCatalog(options.catalog);
  const invalid = optionProblems(options, catalog);
  if (invalid.length) return { written: false, problems: invalid, changes: [], notes: [] };
  const index = indexCatalog(resolve(options.catalog));
  const importedSource = (tool: ImportTool, id: string) => index.byOrigin.get(originKey(tool, id))?.source;
  const planned = await importer.plan(source, { catalog, project: options.project, filesUrl: options.filesUrl, progress: options.progress, importedSource });
  if (planned.problems) return { written: false, problems: planned.problems, changes: [], notes: [] };
  try {
    const outcome = await writePlan(options.catalog, planned.plan, { dryRun: options.dryRun, progress: options.progress, index });
    return { ...outcome, notes: planned.plan.notes };
  } finally {
    planned.plan.dispose?.();
  }
}
