import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress-line.ts';

function fakeTerminal(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) > 0 }, written };
}

describe('progress line', () => {
  it('draws in place once the command has taken two seconds, at most ten times a second, and clears itself', () => {
    let time = 0;
    const { stream, written } = fakeTerminal(true);
    const line = progressLine(stream, 'importing from mlflow', () => time);
    line.update(1, 1000, 'runs read');
    expect(written).toEqual([]);
    time = 2500;
    line.update(400, 1000, 'runs read');
    time = 2550;
    line.update(401, 1000, 'runs read');
    time = 2700;
    line.update(1000, 1000, 'runs read');
    line.end();
    expect(written).toEqual(['\r\x1b[Kimporting from mlflow: 400/1000 runs read', '\r\x1b[Kimporting from mlflow: 1000/1000 runs read', '\r\x1b[K']);
  });

  it('writes nothing where the stream is no terminal', () => {
    let time = 0;
    const { stream, written } = fakeTerminal(false);
    const line = progressLine(stream, 'importing', () => time);
    time = 5000;
    line.update(1, 2, 'runs read');
    line.end();
    expect(written).toEqual([]);
  });
});
