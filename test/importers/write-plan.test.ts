import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitFiles } from '../../src/importers/commit.ts';
import { slugify } from '../../src/importers/ids.ts';
import { MetricSeries, parseMetricValue } from '../../src/importers/metric-history.ts';
import { renderNewRecord, splitRecordFile, updateRecordYaml } from '../../src/importers/record-text.ts';
import { ref, type ImportPlan, type PlannedRecord } from '../../src/importers/types.ts';
import { writePlan } from '../../src/importers/write-plan.ts';
import { errors, read, readRecord, scratch, snapshot } from './helpers.ts';

function run(id: string, name: string, fields: Record<string, unknown> = {}): PlannedRecord {
  return { key: id, type: 'run', origin: { tool: 'mlflow', id }, name, fields: { title: name, runStatus: 'finished', startTime: '2024-03-01T09:30:00Z', ...fields } };
}

const plan = (...records: PlannedRecord[]): ImportPlan => ({ records, notes: [] });

describe('slugify', () => {
  it('makes readable ids from names', () => {
    expect(slugify('ResNet-18 (fine-tune) #3')).toBe('resnet-18-fine-tune-3');
    expect(slugify('Crème brûlée')).toBe('creme-brulee');
    expect(slugify('lr=0.1/batch=64')).toBe('lr-0-1-batch-64');
    expect(slugify('___')).toBe('');
    expect(slugify('a'.repeat(30) + ' ' + 'b'.repeat(40)).length).toBeLessThanOrEqual(60);
  });
});

describe('writePlan', () => {
  it('gives each record a unique id, with a suffix where names collide, and resolves references between them', async () => {
    const root = scratch();
    const outcome = await writePlan(root, plan(run('a', 'baseline'), run('b', 'baseline', { parent: ref('a') }), run('c', 'demo run')));
    expect(outcome.problems).toEqual([]);
    expect(readdirSync(join(root, 'runs')).sort()).toEqual(['baseline-2.md', 'baseline.md', 'demo-run-2.md', 'demo-run.metrics.csv', 'demo-run.yaml']);
    expect(readRecord(root, 'runs/baseline-2.md').data['parent']).toBe('baseline');
    // Matched by source id on the next import, whatever the name says now.
    const again = await writePlan(root, plan(run('b', 'baseline', { parent: ref('a') }), run('a', 'baseline')));
    expect(again.changes.map((change) => [change.file.replace(/.*runs\//, ''), change.action])).toEqual([
      ['baseline-2.md', 'unchanged'],
      ['baseline.md', 'unchanged'],
    ]);
  });

  it('checks every record before writing any: one invalid record stops them all', async () => {
    const root = scratch();
    const before = snapshot(root);
    const outcome = await writePlan(root, plan(run('a', 'good'), run('b', 'bad', { runStatus: 'exploded' }), run('c', 'dangling', { project: 'no-such-project' })));
    expect(outcome.written).toBe(false);
    expect(outcome.problems.map((problem) => [problem.file.replace(/.*\/runs\//, 'runs/'), problem.field, problem.line])).toEqual([
      ['runs/bad.md', 'runStatus', 3],
      ['runs/dangling.md', 'project', 5],
    ]);
    expect(outcome.problems[1]!.message).toMatch(/"no-such-project" is not a record in this catalog .*\[dangling-reference\]/);
    expect(snapshot(root)).toEqual(before);
  });

  it('never writes outside the catalog folder, even through a linked folder', async () => {
    const root = scratch();
    const outside = mkdtempSync(join(tmpdir(), 'heliograph-outside-'));
    renameSync(join(root, 'runs'), join(outside, 'runs'));
    symlinkSync(join(outside, 'runs'), join(root, 'runs'));
    const outcome = await writePlan(root, plan(run('a', 'escaping')));
    expect(outcome.problems).toEqual([{ file: expect.stringMatching(/runs\/escaping\.md$/), message: 'would be written outside the catalog folder' }]);
    expect(existsSync(join(outside, 'runs', 'escaping.md'))).toBe(false);
    rmSync(outside, { recursive: true, force: true });
  });

  it('streams a long metric history to the CSV the checker reads', async () => {
    const root = scratch();
    const series = new MetricSeries();
    for (let step = 0; step < 100_000; step++) {
      series.add('loss', step, step, 1 / (step + 1));
      if (step % 10 === 0) series.add('val accuracy, %', step, step, step === 50 ? NaN : step / 1000);
    }
    const outcome = await writePlan(root, plan({ ...run('long', 'long run'), attachments: [series.attachment()] }));
    expect(outcome.problems).toEqual([]);
    const csv = read(root, 'runs/long-run.metrics.csv').split('\n');
    expect(csv.slice(0, 3)).toEqual(['step,loss,"val accuracy, %"', '0,1,0', '1,0.5,']);
    expect(csv[51]).toBe('50,0.0196078431372549,nan');
    expect(csv).toHaveLength(100_002);
    expect(readRecord(root, 'runs/long-run.md').data['metricHistory']).toBe('long-run.metrics.csv');
    expect(errors(root)).toEqual([]);
  });

  it('leaves the Markdown body and comments of an existing record as they were', async () => {
    const root = scratch();
    await writePlan(root, plan(run('a', 'kept', { metrics: { loss: 1 } })));
    const path = join(root, 'runs/kept.md');
    const body = '\nA body with --- dashes,\n---\nand a line that looks like front matter.\r\n';
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n---\n[\s\S]*$/, `\n# a comment by hand\n---\n${body}`));
    await writePlan(root, plan(run('a', 'kept', { metrics: { loss: 0.5 } })));
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith(`---\n${body}`)).toBe(true);
    expect(text).toContain('# a comment by hand');
    expect(readRecord(root, 'runs/kept.md').data['metrics']).toEqual({ loss: 0.5 });
  });
});

describe('record files', () => {
  it('updates YAML in place: order, quoting, flow style, comments and Windows line endings survive', () => {
    const yaml = '# heading\r\ntitle: "Quoted"\r\ncreators: [ada] # first author\r\nmetrics:\r\n  loss: 1\r\nimportedFrom:\r\n  tool: mlflow\r\n';
    const updated = updateRecordYaml(yaml, { set: { metrics: { loss: 0.5 }, endTime: '2024-03-01T10:00:00Z' }, remove: [], provenance: { tool: 'mlflow', id: 'x', fields: {} } });
    expect(updated).toBe(
      '# heading\r\ntitle: "Quoted"\r\ncreators: [ada] # first author\r\nmetrics:\r\n  loss: 0.5\r\nendTime: 2024-03-01T10:00:00Z\r\nimportedFrom:\r\n  tool: mlflow\r\n  id: x\r\n  fields: {}\r\n',
    );
  });

  it('splits front matter from a body that contains "---" lines', () => {
    const text = '---\ntitle: A\n---\nbody\n---\nmore\n';
    expect(splitRecordFile(text, 'markdown')).toEqual({ head: '---\n', yaml: 'title: A\n', tail: '---\nbody\n---\nmore\n' });
    expect(splitRecordFile('title: A\n', 'markdown')).toBeUndefined();
    expect(renderNewRecord({ name: 'Ada' }, 'yaml')).toBe('name: Ada\n');
  });
});

describe('metric values', () => {
  it('reads numbers and the non-finite spellings tools write', () => {
    expect([parseMetricValue('0.5'), parseMetricValue('1e-3'), parseMetricValue('-inf'), parseMetricValue('Infinity')]).toEqual([0.5, 0.001, -Infinity, Infinity]);
    expect(parseMetricValue('nan')).toBeNaN();
    expect(parseMetricValue('NaN')).toBeNaN();
    expect(parseMetricValue('abc')).toBeUndefined();
    expect(parseMetricValue('')).toBeUndefined();
  });
});

describe('commitFiles', () => {
  it('leaves every target as it was when one file cannot be staged', () => {
    const folder = mkdtempSync(join(tmpdir(), 'heliograph-commit-'));
    mkdirSync(join(folder, 'in'));
    writeFileSync(join(folder, 'a.txt'), 'old a');
    writeFileSync(join(folder, 'in', 'new-a'), 'new a');
    expect(() =>
      commitFiles([
        { target: join(folder, 'a.txt'), source: join(folder, 'in', 'new-a') },
        { target: join(folder, 'sub', 'b.txt'), source: join(folder, 'in', 'missing') },
      ]),
    ).toThrow();
    expect(readdirSync(folder).sort()).toEqual(['a.txt', 'in']);
    expect(readFileSync(join(folder, 'a.txt'), 'utf8')).toBe('old a');
    rmSync(folder, { recursive: true, force: true });
  });
});
