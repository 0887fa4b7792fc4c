import { countBySeverity, type Problem } from '../problem.ts';

export function reportJson(problems: readonly Problem[], recordCount: number): string {
  return JSON.stringify({ records: recordCount, ...countBySeverity(problems), problems }, null, 2);
}
