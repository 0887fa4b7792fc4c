/**
 * `npm run import -- mlflow <mlruns folder | mlflow.db>`: MLflow's file store
 * or its SQLite store, told apart by what the path is.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { problemAt } from '../source-files.ts';
import { failed, type Importer } from '../types.ts';
import { readFileStore } from './file-store.ts';
import { mlflowPlan } from './records.ts';
import { readSqliteStore } from './sqlite-store.ts';

function isSqlite(path: string): boolean {
  const header = Buffer.alloc(16);
  const descriptor = openSync(path, 'r');
  try {
    readSync(descriptor, header, 0, 16, 0);
  } finally {
    closeSync(descriptor);
  }
  return header.toString('latin1') === 'SQLite format 3\0';
}

export const mlflowImporter: Importer = {
  name: 'mlflow',
  source: 'an MLflow tracking folder (mlruns/) or SQLite tracking database (mlflow.db)',
  async plan(path, context) {
    const source = resolve(path);
    if (!existsSync(source)) return failed(problemAt(source, 'not found'));
    const isFolder = statSync(source).isDirectory();
    if (!isFolder && !isSqlite(source)) return failed(problemAt(source, 'is neither an mlruns folder nor an SQLite database'));
    // Each run's history goes to a scratch file as soon as it is read, so that memory holds one run's points at a time.
    const scratch = mkdtempSync(join(tmpdir(), 'heliograph-mlflow-'));
    const dispose = () => rmSync(scratch, { recursive: true, force: true });
    const store = isFolder ? readFileStore(source, scratch, context) : readSqliteStore(source, scratch);
    if (store.problems) {
      dispose();
      return failed(...store.problems);
    }
    return { plan: { ...(await mlflowPlan(store.value, context)), dispose } };
  },
};
