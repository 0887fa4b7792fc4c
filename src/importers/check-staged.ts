/**
 * Validation of an import before anything is written: the catalog is copied
 * to a temporary folder, the planned files are laid over the copy, and the
 * copy is checked as `npm run check` would. Every error the import would add
 * (a record that does not validate, a dangling reference) stops it.
 */
import { relative, resolve } from 'node:path';
import { checkCatalog } from '../catalog/check.ts';
import { displayPath } from '../catalog/load.ts';
import type { Problem } from '../diagnostics/problem.ts';
import type { ImportProblem } from './types.ts';

function errorsByKey(root: string): Map<string, { problem: Problem; file: string }> {
  const shownRoot = displayPath(root);
  const errors = new Map<string, { problem: Problem; file: string }>();
  // Metric histories are validated in a worker thread while the records load, as `npm run check` does.
  for (const problem of checkCatalog(root, { parallel: true }).problems) {
    if (problem.severity !== 'error') continue;
    const file = relative(root, resolve(problem.file));
    // Messages may name other files of the same catalog; compare them relative to it.
    const message = shownRoot ? problem.message.replaceAll(`${shownRoot}/`, '') : problem.message;
    errors.set(`${file}\n${problem.field}\n${problem.code}\n${message}`, { problem, file });
  }
  return errors;
}

/** Errors in `staged` (the catalog with the import applied) that `root` does not have. */
export function newErrors(root: string, staged: string): ImportProblem[] {
  const before = errorsByKey(root);
  return [...errorsByKey(staged)]
    .filter(([key]) => !before.has(key))
    .map(([, { problem, file }]) => ({
      file: displayPath(resolve(root, file)),
      line: problem.line,
      field: problem.field || undefined,
      message: `${problem.message.replaceAll(`${displayPath(staged)}/`, displayPath(root) ? `${displayPath(root)}/` : '')} [${problem.code}]`,
      hint: problem.hint,
    }));
}
