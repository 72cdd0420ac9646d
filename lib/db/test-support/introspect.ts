/** Reads a migrated database's actual structure (tables, columns, indexes, foreign keys) without Prisma. */
import Database from 'better-sqlite3';
import { dialectOf, sqliteFilePath } from '../dialect';
import { introspectPostgresql } from './introspect-postgresql';

export interface ColumnShape {
  name: string;
  /** Lower-case SQL type as the database reports it, e.g. `datetime`, `timestamp(3) without time zone`. */
  type: string;
  nullable: boolean;
  primaryKey: boolean;
  /** Default expression, upper-cased (`CURRENT_TIMESTAMP`), or null. */
  defaultValue: string | null;
}

export interface ForeignKeyShape {
  column: string;
  /** `Table.column` */
  references: string;
  onDelete: string;
  onUpdate: string;
}

export interface TableShape {
  columns: ColumnShape[];
  /** Index name → unique? Primary keys are not listed. */
  indexes: Record<string, boolean>;
  foreignKeys: ForeignKeyShape[];
}

export async function listTables(url: string): Promise<string[]> {
  return Object.keys(await introspect(url)).sort();
}

export async function introspect(url: string): Promise<Record<string, TableShape>> {
  return dialectOf(url) === 'sqlite'
    ? introspectSqlite(sqliteFilePath(url))
    : introspectPostgresql(url);
}

interface SqliteColumn {
  name: string;
  type: string;
  notnull: number;
  pk: number;
  dflt_value: string | null;
}
interface SqliteIndex {
  name: string;
  unique: number;
  origin: string;
}
interface SqliteForeignKey {
  from: string;
  table: string;
  to: string;
  on_delete: string;
  on_update: string;
}

function introspectSqlite(file: string): Record<string, TableShape> {
  const db = new Database(file, { readonly: true });
  try {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    return Object.fromEntries(names.map((name) => [name, sqliteTable(db, name)]));
  } finally {
    db.close();
  }
}

function sqliteTable(db: Database.Database, table: string): TableShape {
  const columns = db.pragma(`table_info("${table}")`) as SqliteColumn[];
  const indexes = db.pragma(`index_list("${table}")`) as SqliteIndex[];
  const foreignKeys = db.pragma(`foreign_key_list("${table}")`) as SqliteForeignKey[];
  return {
    columns: columns.map((c) => ({
      name: c.name,
      type: c.type.toLowerCase(),
      nullable: c.notnull === 0 && c.pk === 0,
      primaryKey: c.pk > 0,
      defaultValue: c.dflt_value?.toUpperCase() ?? null,
    })),
    indexes: Object.fromEntries(
      indexes.filter((i) => i.origin !== 'pk').map((i) => [i.name, i.unique === 1]),
    ),
    foreignKeys: foreignKeys.map((f) => ({
      column: f.from,
      references: `${f.table}.${f.to}`,
      onDelete: f.on_delete,
      onUpdate: f.on_update,
    })),
  };
}
