/**
 * MLflow's SQL store in SQLite (mlflow.db, the default since MLflow 3), read
 * with node:sqlite. Table and column names as in MLflow's migrations
 * (tests/db/schemas/sqlite.sql in the MLflow repository); databases of every
 * schema since MLflow 1.0 are read, with what their tables hold
 * (sqlite-schema.ts).
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { MetricSeries } from '../metric-history.ts';
import { problemAt } from '../source-files.ts';
import type { ImportProblem, Read } from '../types.ts';
import { listArtifacts } from './artifacts.ts';
import { runStatuses, systemTags, type MlflowDatasetInput, type MlflowRun, type MlflowStore } from './model.ts';
import { column, readSqliteSchema, REQUIRED_TABLES, type SqliteSchema } from './sqlite-schema.ts';

/** The SQL store cannot hold NaN or ±inf: it writes 0 with is_nan = 1, and ±sys.float_info.max. */
const FLOAT_MAX = 1.7976931348623157e308;

type Row = Record<string, string | number | null>;

function storedValue(value: number, isNan: number): number {
  if (isNan) return NaN;
  if (Math.abs(value) === FLOAT_MAX) return value > 0 ? Infinity : -Infinity;
  return value;
}

/** Key/value rows grouped by owner, e.g. params by run_uuid. */
function grouped(rows: Row[], owner: string, key = 'key', value = 'value'): Map<string, Record<string, string>> {
  const groups = new Map<string, Record<string, string>>();
  for (const row of rows) {
    const id = String(row[owner]);
    if (!groups.has(id)) groups.set(id, {});
    groups.get(id)![String(row[key])] = String(row[value] ?? '');
  }
  return groups;
}

/** The local folder an artifact URI names, if it is local (file:, or a path relative to the database). */
function localArtifactFolder(uri: string | null, base: string): string | undefined {
  if (!uri) return undefined;
  if (uri.startsWith('file:')) return fileURLToPath(uri.startsWith('file://') ? uri : `file://${uri.slice(5)}`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) return undefined;
  return isAbsolute(uri) ? uri : resolve(base, uri);
}

/** Dataset inputs by run (MLflow 2.4 and later; none before). */
function readInputs(db: DatabaseSync, schema: SqliteSchema): Map<string, MlflowDatasetInput[]> {
  const inputs = new Map<string, MlflowDatasetInput[]>();
  if (!schema.hasDatasets) return inputs;
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  const inputTags = grouped(all('SELECT input_uuid, name, value FROM input_tags'), 'input_uuid', 'name');
  const datasetRows = all(
    `SELECT i.input_uuid, i.destination_id, d.name, d.digest, d.dataset_source_type, d.dataset_source
     FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id
     WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN' ORDER BY d.name`,
  );
  for (const row of datasetRows) {
    const run = String(row['destination_id']);
    if (!inputs.has(run)) inputs.set(run, []);
    inputs.get(run)!.push({
      name: String(row['name']),
      digest: String(row['digest']),
      sourceType: String(row['dataset_source_type']),
      source: String(row['dataset_source']),
      context: inputTags.get(String(row['input_uuid']))?.[systemTags.datasetContext],
    });
  }
  return inputs;
}

/** Final values as latest_metrics keeps them (MLflow 1.x on); undefined before that table, when the series decide. */
function readLatest(db: DatabaseSync, schema: SqliteSchema): Map<string, Record<string, number>> | undefined {
  if (!schema.tables.has('latest_metrics')) return undefined;
  const latest = new Map<string, Record<string, number>>();
  for (const row of db.prepare(`SELECT key, value, ${column(schema, 'latest_metrics', 'is_nan', '0')}, run_uuid FROM latest_metrics`).all() as Row[]) {
    const run = String(row['run_uuid']);
    if (!latest.has(run)) latest.set(run, {});
    const value = storedValue(Number(row['value']), Number(row['is_nan']));
    if (Number.isFinite(value)) latest.get(run)![String(row['key'])] = value;
  }
  return latest;
}

function readRuns(db: DatabaseSync, schema: SqliteSchema, path: string, scratch: string, problems: ImportProblem[]): MlflowRun[] {
  const base = dirname(path);
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  const params = grouped(all('SELECT key, value, run_uuid FROM params'), 'run_uuid');
  const tags = grouped(all('SELECT key, value, run_uuid FROM tags'), 'run_uuid');
  const inputs = readInputs(db, schema);
  const latest = readLatest(db, schema);
  const runs: MlflowRun[] = [];
  const rows = all(
    `SELECT run_uuid, name, status, start_time, end_time, user_id, experiment_id, artifact_uri
     FROM runs WHERE lifecycle_stage IS NULL OR lifecycle_stage = 'active' ORDER BY start_time, run_uuid`,
  );
  // Before MLflow 1.0 metrics had no step (each value is step 0, as MLflow reads them) and before 1.1 no is_nan.
  const metrics = db.prepare(
    `SELECT key, value, timestamp, ${column(schema, 'metrics', 'step', '0')}, ${column(schema, 'metrics', 'is_nan', '0')} FROM metrics WHERE run_uuid = ?`,
  );
  for (const row of rows) {
    const id = String(row['run_uuid']);
    const status = String(row['status'] ?? 'RUNNING');
    if (!(status in runStatuses)) {
      problems.push(problemAt(path, `runs: run ${id} has status "${status}", not one of ${Object.keys(runStatuses).join(', ')}`, { field: 'runs.status' }));
      continue;
    }
    const series = new MetricSeries();
    // Iterated row by row: a long run logs millions of values.
    for (const metric of metrics.iterate(id) as Iterable<Row>) {
      if (typeof metric['value'] !== 'number' || typeof metric['step'] !== 'number' || typeof metric['timestamp'] !== 'number') {
        problems.push(problemAt(path, `metrics: run ${id}, metric "${metric['key']}" holds a value, step or timestamp that is not a number ("${metric['value']}")`, { field: 'metrics.value' }));
        break;
      }
      series.add(String(metric['key']), Number(metric['step']), Number(metric['timestamp']), storedValue(Number(metric['value']), Number(metric['is_nan'])));
    }
    const runTags = tags.get(id) ?? {};
    const artifactFolder = localArtifactFolder(row['artifact_uri'] as string | null, base);
    runs.push({
      id,
      experimentId: String(row['experiment_id']),
      name: (row['name'] as string | null) || runTags[systemTags.runName] || undefined,
      status,
      startTime: row['start_time'] === null ? undefined : Number(row['start_time']),
      endTime: row['end_time'] === null ? undefined : Number(row['end_time']),
      userId: (row['user_id'] as string | null) || runTags[systemTags.user] || undefined,
      params: params.get(id) ?? {},
      tags: runTags,
      metrics: series.spill(join(scratch, `${id}.csv`)),
      latest: latest?.get(id),
      inputs: inputs.get(id) ?? [],
      artifacts: artifactFolder && existsSync(artifactFolder) ? listArtifacts(artifactFolder, base, problems) : [],
    });
  }
  return runs;
}

export function readSqliteStore(path: string, scratch: string): Read<MlflowStore> {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { readOnly: true });
    db.prepare('SELECT name FROM sqlite_master').all();
  } catch (error) {
    return { problems: [problemAt(path, `cannot be read as an SQLite database: ${(error as Error).message}`)] };
  }
  let schema: SqliteSchema | undefined;
  try {
    schema = readSqliteSchema(db);
    const tables = schema.tables;
    const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
    if (missing.length) return { problems: [problemAt(path, `is not an MLflow tracking database: table ${missing.join(', ')} missing`)] };
    const experimentTags = schema.tables.has('experiment_tags')
      ? grouped(db.prepare('SELECT key, value, experiment_id FROM experiment_tags').all() as Row[], 'experiment_id')
      : new Map<string, Record<string, string>>();
    const experiments = (
      db
        .prepare(
          `SELECT experiment_id, name, ${column(schema, 'experiments', 'creation_time', 'NULL')} FROM experiments
           WHERE lifecycle_stage IS NULL OR lifecycle_stage = 'active' ORDER BY experiment_id`,
        )
        .all() as Row[]
    ).map((row) => ({
      id: String(row['experiment_id']),
      name: String(row['name']),
      creationTime: row['creation_time'] === null ? undefined : Number(row['creation_time']),
      tags: experimentTags.get(String(row['experiment_id'])) ?? {},
    }));
    const problems: ImportProblem[] = [];
    const runs = readRuns(db, schema, path, scratch, problems).filter((run) => experiments.some((experiment) => experiment.id === run.experimentId));
    return problems.length ? { problems } : { value: { experiments, runs } };
  } catch (error) {
    // Tables of the right names with other columns: say which schema the database claims to have.
    const revision = schema?.revision ? `alembic revision ${schema.revision}` : 'no alembic revision';
    return { problems: [problemAt(path, `does not have the MLflow tracking tables of any MLflow version (${revision}): ${(error as Error).message}`)] };
  } finally {
    db.close();
  }
}
