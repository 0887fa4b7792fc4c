/** The W3C Nu HTML Checker (vnu-jar) on the machine's Java. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export function hasJava(): boolean {
  return spawnSync('java', ['-version']).status === 0;
}

export interface VnuMessage {
  type: string;
  url: string;
  message: string;
  lastLine?: number;
}

/** Checks every HTML file under `folder`; returns the errors. */
export function checkHtml(folder: string): VnuMessage[] {
  const vnu = createRequire(import.meta.url)('vnu-jar') as string;
  const result = spawnSync('java', ['-jar', vnu, '--errors-only', '--skip-non-html', '--format', 'json', folder], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const { messages } = JSON.parse(result.stderr || '{"messages":[]}') as { messages: VnuMessage[] };
  return messages.filter((message) => message.type === 'error' || message.type === 'non-document-error');
}
