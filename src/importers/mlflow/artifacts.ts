/**
 * A run's artifacts: the files under its artifact folder, each checked to
 * stay inside the source (a symbolic link may point anywhere) before it is
 * hashed, and later listed as run outputs where their URL is known.
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { problemAt, staysInside } from '../source-files.ts';
import type { ImportProblem } from '../types.ts';
import type { MlflowArtifact } from './model.ts';

export function listArtifacts(folder: string, sourceRoot: string, problems: ImportProblem[]): MlflowArtifact[] {
  if (!existsSync(folder)) return [];
  if (!staysInside(sourceRoot, folder)) {
    problems.push(problemAt(folder, 'the artifact folder lies outside the tracking folder; artifacts are read only from inside it'));
    return [];
  }
  const artifacts: MlflowArtifact[] = [];
  // Links may loop back to a folder already walked.
  const visited = new Set<string>();
  const walk = (directory: string) => {
    if (visited.has(realpathSync(directory))) return;
    visited.add(realpathSync(directory));
    for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const absolute = join(directory, entry.name);
      const path = relative(folder, absolute).split(sep).join('/');
      if (!staysInside(folder, absolute)) {
        problems.push(problemAt(absolute, `artifact "${path}" points outside the run's artifact folder (../ or a link); remove it or copy the file in`));
        continue;
      }
      const stats = lstatSync(absolute).isSymbolicLink() ? statSync(absolute) : lstatSync(absolute);
      if (stats.isDirectory()) walk(absolute);
      else if (stats.isFile()) artifacts.push({ path, sourcePath: relative(sourceRoot, absolute).split(sep).join('/'), absolute, size: stats.size });
    }
  };
  walk(folder);
  return artifacts;
}
