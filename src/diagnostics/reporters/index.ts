import type { Problem } from '../problem.ts';
import { reportGithub } from './github.ts';
import { reportJson } from './json.ts';
import { reportText } from './text.ts';

export const reporters = {
  text: reportText,
  json: reportJson,
  github: reportGithub,
} satisfies Record<string, (problems: readonly Problem[], recordCount: number) => string>;

export type ReportFormat = keyof typeof reporters;
export { formatProblem, summarize } from './text.ts';
