import { countBySeverity, type Problem } from '../problem.ts';

/** `path:line:column severity field: message` (`severity: message` for the whole file), with the hint indented below. */
export function formatProblem(problem: Problem): string {
  const field = problem.field ? ` ${problem.field}: ` : ': ';
  const head = `${problem.file}:${problem.line}:${problem.column} ${problem.severity}${field}${problem.message} [${problem.code}]`;
  return problem.hint ? `${head}\n    hint: ${problem.hint}` : head;
}

export function summarize(problems: readonly Problem[], recordCount: number): string {
  const { error, warning } = countBySeverity(problems);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(recordCount, 'record')} checked: ${plural(error, 'error')}, ${plural(warning, 'warning')}`;
}

export function reportText(problems: readonly Problem[], recordCount: number): string {
  return [...problems.map(formatProblem), summarize(problems, recordCount)].join('\n');
}
