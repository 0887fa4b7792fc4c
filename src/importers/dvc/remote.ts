/**
 * Where DVC-tracked files can be downloaded: the default remote in
 * .dvc/config, when it is served over http(s), is content-addressed, so each
 * output's URL follows from its md5 (files/md5/ab/cdef… since DVC 3, ab/cdef… before).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAbsoluteUrl } from '../../schema/common/identifiers.ts';
import type { LockedFile } from './pipeline.ts';

/** The url of the default remote, from DVC's INI-style config. */
export function defaultRemoteUrl(repository: string): string | undefined {
  const path = join(repository, '.dvc', 'config');
  if (!existsSync(path)) return undefined;
  const sections = new Map<string, Map<string, string>>();
  let section = '';
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    const header = /^\[\s*'?([^'\]]+?)'?\s*\]$/.exec(line);
    if (header) sections.set((section = header[1]!.replace(/\s+/g, ' ')), new Map());
    else if (/^[^#;].*=/.test(line)) {
      const [key, ...value] = line.split('=');
      sections.get(section)?.set(key!.trim(), value.join('=').trim());
    }
  }
  const name = sections.get('core')?.get('remote');
  const url = name ? sections.get(`remote "${name}"`)?.get('url') : undefined;
  return url && isAbsoluteUrl(url) ? url : undefined;
}

/** The URL of a tracked file's content on an http(s) remote. */
export function remoteFileUrl(remote: string, file: LockedFile): string | undefined {
  if (!file.md5 || file.md5.endsWith('.dir')) return undefined;
  const base = remote.endsWith('/') ? remote : `${remote}/`;
  const layout = file.hash === 'md5' ? 'files/md5/' : '';
  return new URL(`${layout}${file.md5.slice(0, 2)}/${file.md5.slice(2)}`, base).toString();
}
