import type { Problem } from '../problem.ts';
import { summarize } from './text.ts';

/** Workflow commands must escape %, CR and LF in data, and also : and , in properties. */
const escapeData = (value: string) => value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (value: string) => escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** GitHub Actions annotations, shown on the pull request's changed lines. */
export function reportGithub(problems: readonly Problem[], recordCount: number): string {
  const lines = problems.map((problem) => {
    const properties = `file=${escapeProperty(problem.file)},line=${problem.line},col=${problem.column},title=${escapeProperty(problem.code)}`;
    const text = `${problem.field ? `${problem.field}: ` : ''}${problem.message}${problem.hint ? `\n${problem.hint}` : ''}`;
    return `::${problem.severity} ${properties}::${escapeData(text)}`;
  });
  return [...lines, summarize(problems, recordCount)].join('\n');
}
