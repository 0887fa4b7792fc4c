import { describe, expect, it } from 'vitest';
import { hashValue, mergeFields } from '../../src/importers/provenance.ts';

const previous = (fields: Record<string, unknown>) => ({ tool: 'mlflow' as const, id: 'run-1', fields: Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, hashValue(value)])) });

describe('hashValue', () => {
  it('is short, and the same whatever the key order', () => {
    expect(hashValue({ a: 1, b: [1, 2] })).toMatch(/^[0-9a-f]{12}$/);
    expect(hashValue({ b: [1, 2], a: 1 })).toBe(hashValue({ a: 1, b: [1, 2] }));
    expect(hashValue([1, 2])).not.toBe(hashValue([2, 1]));
    expect(hashValue('1')).not.toBe(hashValue(1));
  });
});

describe('mergeFields decides per field what a re-import may change', () => {
  it('adds every field of a new record', () => {
    const merge = mergeFields({ title: 'A', metrics: { loss: 1 } }, undefined, undefined);
    expect(merge.set).toEqual({ title: 'A', metrics: { loss: 1 } });
    expect(merge.hashes).toEqual({ title: hashValue('A'), metrics: hashValue({ loss: 1 }) });
    expect(merge.decisions.map(({ action }) => action)).toEqual(['added', 'added']);
  });

  it('updates a field nobody edited, and leaves an unchanged one alone', () => {
    const imported = { title: 'A', metrics: { loss: 0.5 } };
    const merge = mergeFields(imported, { title: 'A', metrics: { loss: 1 } }, previous({ title: 'A', metrics: { loss: 1 } }));
    expect(merge.set).toEqual({ metrics: { loss: 0.5 } });
    expect(merge.decisions).toEqual([
      { field: 'title', action: 'unchanged' },
      { field: 'metrics', action: 'updated' },
    ]);
  });

  it('keeps a field a person edited, and its old hash, so it stays theirs', () => {
    const merge = mergeFields({ title: 'A2' }, { title: 'Edited' }, previous({ title: 'A' }));
    expect(merge.set).toEqual({});
    expect(merge.hashes).toEqual({ title: hashValue('A') });
    expect(merge.decisions).toEqual([{ field: 'title', action: 'kept-edited' }]);
  });

  it('does not bring back a field a person deleted', () => {
    const merge = mergeFields({ title: 'A', tags: ['x'] }, { title: 'A' }, previous({ title: 'A', tags: ['x'] }));
    expect(merge.set).toEqual({});
    expect(merge.hashes['tags']).toBe(hashValue(['x']));
    expect(merge.decisions).toContainEqual({ field: 'tags', action: 'kept-removed' });
  });

  it('removes a field the source dropped, unless a person edited it', () => {
    expect(mergeFields({}, { endTime: 'x' }, previous({ endTime: 'x' }))).toMatchObject({ remove: ['endTime'], hashes: {} });
    expect(mergeFields({}, { endTime: 'edited' }, previous({ endTime: 'x' }))).toMatchObject({ remove: [], hashes: { endTime: hashValue('x') } });
  });

  it('adopts a field a person wrote before the import when it says the same, and keeps it otherwise', () => {
    expect(mergeFields({ license: 'MIT' }, { license: 'MIT' }, previous({}))).toMatchObject({ set: {}, hashes: { license: hashValue('MIT') } });
    expect(mergeFields({ license: 'MIT' }, { license: 'CC0-1.0' }, previous({})).decisions).toEqual([{ field: 'license', action: 'kept-edited' }]);
  });

  it('leaves fields of the person that the import does not know untouched', () => {
    const merge = mergeFields({ title: 'A' }, { title: 'A', doi: '10.5072/x' }, previous({ title: 'A' }));
    expect(merge).toMatchObject({ set: {}, remove: [] });
    expect(merge.decisions).toEqual([{ field: 'title', action: 'unchanged' }]);
  });
});
