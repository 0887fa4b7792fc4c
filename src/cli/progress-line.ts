/**
 * A progress line for long commands: "importing: 420/1000 runs read", redrawn
 * in place on a terminal, at most ten times a second and only once the
 * command has taken two seconds (a quick import prints no line at all).
 * Nothing is written where the stream is not a terminal (CI logs, pipes).
 */
import type { WriteStream } from 'node:tty';

const DELAY_MS = 2000;
const INTERVAL_MS = 100;

export interface ProgressLine {
  update(done: number, total: number, what: string): void;
  /** Clears the line, so that the report starts on a clean one. */
  end(): void;
}

export function progressLine(stream: Pick<WriteStream, 'isTTY' | 'write'>, label: string, now: () => number = performance.now.bind(performance)): ProgressLine {
  const started = now();
  let drawn = -Infinity;
  let visible = false;
  return {
    update(done, total, what) {
      if (!stream.isTTY) return;
      const time = now();
      if (time - started < DELAY_MS || (time - drawn < INTERVAL_MS && done < total)) return;
      drawn = time;
      visible = true;
      stream.write(`\r\x1b[K${label}: ${done}/${total} ${what}`);
    },
    end() {
      if (visible) stream.write('\r\x1b[K');
      visible = false;
    },
  };
}
