/** The import's outcome as lines for the terminal: what changed, what was kept, what to check. */
import type { ImportOutcome } from './run-import.ts';
import type { ImportProblem } from './types.ts';

export function formatProblem(problem: ImportProblem): string {
  const where = `${problem.file}${problem.line ? `:${problem.line}` : ''}`;
  return `${where} error ${problem.field ? `${problem.field}: ` : ''}${problem.message}${problem.hint ? `\n    hint: ${problem.hint}` : ''}`;
}

export function formatOutcome(outcome: ImportOutcome, dryRun = false): string {
  if (outcome.problems.length) {
    return [...outcome.problems.map(formatProblem), `nothing written: ${outcome.problems.length} problem(s)`].join('\n');
  }
  const verb = (action: string) => (dryRun && action !== 'unchanged' ? `would be ${action}` : action);
  const lines: string[] = [];
  for (const change of outcome.changes) {
    const fields = change.action === 'updated' && change.changed.length ? ` (${change.changed.join(', ')})` : '';
    lines.push(`${verb(change.action)} ${change.file}${fields}`);
    if (change.kept.length) lines.push(`  kept (edited by hand): ${change.kept.join(', ')}`);
    if (change.keptRemoved.length) lines.push(`  kept deleted (removed by hand): ${change.keptRemoved.join(', ')}`);
  }
  for (const note of outcome.notes) lines.push(`note: ${note}`);
  const count = (action: string) => outcome.changes.filter((change) => change.action === action).length;
  lines.push(`${dryRun ? 'dry run, nothing written: ' : ''}${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged`);
  return lines.join('\n');
}
