/**
 * Runs a command and measures its wall time and the peak memory of its whole
 * process tree (the build, its worker threads and the Pagefind binary it
 * starts), sampled from /proc: what a CI runner must hold.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measurement {
  seconds: number;
  peakMiB: number;
  status: number | null;
  output: string;
}

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      byParent.set(parent, [...(byParent.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return byParent;
}

function rssKiB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function treeRssKiB(root: number): number {
  const byParent = children();
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    total += rssKiB(pid);
    queue.push(...(byParent.get(pid) ?? []));
  }
  return total;
}

export function measure(command: string, args: string[], env: NodeJS.ProcessEnv = {}, sampleMs = 200): Promise<Measurement> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssKiB(child.pid!))), sampleMs);
    child.on('close', (status) => {
      clearInterval(sampler);
      resolve({ seconds: (performance.now() - started) / 1000, peakMiB: peak / 1024, status, output });
    });
  });
}
