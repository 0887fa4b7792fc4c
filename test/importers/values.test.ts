import { describe, expect, it } from 'vitest';
import { spdxLicenseId } from '../../src/importers/licenses.ts';
import { isFullCommit, repositoryUrl } from '../../src/importers/repositories.ts';
import { flattenParameters, numericLeaves, scalarFromText } from '../../src/importers/values.ts';

describe('values as tools store them', () => {
  it('reads parameters logged as text without changing what they say', () => {
    expect(['0.001', '1e-05', '64', 'True', 'false', 'adam', '007', '12345678901234567890', '1.', ''].map(scalarFromText)).toEqual([
      0.001, 0.00001, 64, true, false, 'adam', '007', '12345678901234567890', '1.', '',
    ]);
  });

  it('flattens nested configs and keeps only numeric metrics', () => {
    expect(flattenParameters({ optimizer: { name: 'adam', betas: [0.9, 0.999], decay: null }, lr: 0.1, nan: NaN })).toEqual({
      'optimizer.name': 'adam',
      'optimizer.betas': '[0.9,0.999]',
      lr: 0.1,
      nan: 'NaN',
    });
    expect(numericLeaves({ loss: 0.1, _step: 3, eval: { acc: 0.9, note: 'x' }, image: { _type: 'image-file', width: 28 }, bad: Infinity })).toEqual({ loss: 0.1, 'eval.acc': 0.9 });
  });

  it('turns git remotes into browsable https URLs', () => {
    expect(repositoryUrl('git@github.com:example-lab/fashion.git')).toBe('https://github.com/example-lab/fashion');
    expect(repositoryUrl('ssh://git@gitlab.example.org:2222/group/project.git')).toBe('https://gitlab.example.org/group/project');
    expect(repositoryUrl('https://user:token@github.com/example-lab/fashion.git')).toBe('https://github.com/example-lab/fashion');
    expect(repositoryUrl('/home/ada/repos/fashion')).toBeUndefined();
    expect(isFullCommit('3f786850e387550fdab836ed7e6dc881de23001b')).toBe(true);
    expect(isFullCommit('3f78685')).toBe(false);
  });

  it('reads licences as SPDX ids from ids in any case and licence URLs', () => {
    expect(['mit', 'afl-3.0', 'Apache-2.0', 'https://creativecommons.org/licenses/by/4.0/', 'https://creativecommons.org/licenses/by-sa/3.0/de/', 'https://spdx.org/licenses/CC0-1.0.html'].map(spdxLicenseId)).toEqual([
      'MIT',
      'AFL-3.0',
      'Apache-2.0',
      'CC-BY-4.0',
      'CC-BY-SA-3.0-DE',
      'CC0-1.0',
    ]);
    expect(spdxLicenseId('https://commoncrawl.org/terms-of-use')).toBeUndefined();
    expect(spdxLicenseId('openrail')).toBeUndefined();
  });
});
