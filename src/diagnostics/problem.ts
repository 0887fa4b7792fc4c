/**
 * Problems are values: every check collects them and a reporter prints them
 * all at once. Exceptions are kept for faults of the program or file system.
 */
import { problemCodes, type ProblemCode } from './codes.ts';

export type Severity = 'error' | 'warning';

export interface Position {
  line: number;
  column: number;
}

export interface Problem extends Position {
  code: ProblemCode;
  severity: Severity;
  /** Path relative to the catalog folder's parent, as the user would type it. */
  file: string;
  /** The offending field as a path, e.g. files[0].sha256; empty for the whole file. */
  field: string;
  message: string;
  hint?: string;
}

export type ProblemInput = Omit<Problem, 'severity' | 'hint' | 'line' | 'column'> &
  Partial<Pick<Problem, 'severity' | 'hint' | 'line' | 'column'>>;

/** Fills in the severity and hint that the code catalogue gives unless the caller knows better. */
export function problem(input: ProblemInput): Problem {
  const entry: { severity: Severity; hint?: string } = problemCodes[input.code];
  return {
    line: 1,
    column: 1,
    ...input,
    severity: input.severity ?? entry.severity,
    hint: input.hint ?? entry.hint,
  };
}

export function formatField(path: readonly PropertyKey[]): string {
  let field = '';
  for (const segment of path) {
    if (typeof segment === 'number') field += `[${segment}]`;
    else field += field ? `.${String(segment)}` : String(segment);
  }
  return field;
}

export function countBySeverity(problems: readonly Problem[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0 };
  for (const { severity } of problems) counts[severity]++;
  return counts;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
