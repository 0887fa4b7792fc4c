/**
 * Which MLflow schema an SQLite tracking database has. MLflow migrates its
 * tables with alembic, and the revision in alembic_version names the schema;
 * since the columns a reader needs came and went by revision (metrics.step
 * with 451aebb31d03 in MLflow 1.0, metrics.is_nan with 181f10493468,
 * experiment_tags with df50e92ffc5e, latest_metrics with 89d4b8295536,
 * experiments.creation_time with 97727af70f4d in 2.2, the dataset tables with
 * 7f2a7d5fae7d in 2.4), the reader asks the database what it has rather than
 * keeping a table of revisions.
 */
import type { DatabaseSync } from 'node:sqlite';

/** What every MLflow tracking database has had since before MLflow 1.0. */
export const REQUIRED_TABLES = ['experiments', 'runs', 'params', 'tags', 'metrics'];
const DATASET_TABLES = ['inputs', 'input_tags', 'datasets'];

type Row = Record<string, string | number | null>;

export interface SqliteSchema {
  /** The alembic revision, or undefined for a database from before MLflow 1.0 (no alembic_version row). */
  revision?: string;
  tables: Set<string>;
  has(table: string, column: string): boolean;
  /** Whether the inputs, input_tags and datasets tables (MLflow 2.4) are there. */
  hasDatasets: boolean;
}

export function readSqliteSchema(db: DatabaseSync): SqliteSchema {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Row[];
  const tables = new Set(rows.map((row) => String(row['name'])));
  const columns = new Map<string, Set<string>>();
  const columnsOf = (table: string) => {
    if (!columns.has(table)) {
      const info = tables.has(table) ? (db.prepare(`PRAGMA table_info("${table}")`).all() as Row[]) : [];
      columns.set(table, new Set(info.map((column) => String(column['name']))));
    }
    return columns.get(table)!;
  };
  const revision = tables.has('alembic_version')
    ? (db.prepare('SELECT version_num FROM alembic_version LIMIT 1').get() as Row | undefined)?.['version_num']
    : undefined;
  return {
    revision: typeof revision === 'string' ? revision : undefined,
    tables,
    has: (table, column) => columnsOf(table).has(column),
    hasDatasets: DATASET_TABLES.every((table) => tables.has(table)),
  };
}

/** A column of `table` for a SELECT list, or `fallback` under its name where this schema has no such column. */
export function column(schema: SqliteSchema, table: string, name: string, fallback: string, alias = table): string {
  return schema.has(table, name) ? `${alias}.${name}` : `${fallback} AS ${name}`;
}
