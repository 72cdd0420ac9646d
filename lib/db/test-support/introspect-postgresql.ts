/** PostgreSQL half of introspect.ts: reads the `public` schema from the catalogs. */
import pg from 'pg';
import type { TableShape } from './introspect';

const COLUMNS = `
  SELECT c.relname AS "table", a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
         NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS "defaultValue",
         EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary
                 AND a.attnum = ANY (i.indkey)) AS "primaryKey"
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid
  LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
  WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
  ORDER BY c.relname, a.attnum`;

const INDEXES = `
  SELECT t.relname AS "table", i.relname AS name, x.indisunique AS "unique"
  FROM pg_index x
  JOIN pg_class i ON i.oid = x.indexrelid
  JOIN pg_class t ON t.oid = x.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  WHERE n.nspname = 'public' AND NOT x.indisprimary`;

const FOREIGN_KEYS = `
  SELECT t.relname AS "table", a.attname AS "column", r.relname || '.' || ra.attname AS "references",
         c.confdeltype AS "onDelete", c.confupdtype AS "onUpdate"
  FROM pg_constraint c
  JOIN pg_class t ON t.oid = c.conrelid
  JOIN pg_class r ON r.oid = c.confrelid
  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
  JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
  JOIN pg_namespace n ON n.oid = t.relnamespace
  WHERE c.contype = 'f' AND n.nspname = 'public'`;

// pg_constraint.confdeltype / confupdtype codes, spelled as SQLite's PRAGMA foreign_key_list spells them.
const ACTIONS: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

interface ColumnRow {
  table: string;
  name: string;
  type: string;
  nullable: boolean;
  defaultValue: string | null;
  primaryKey: boolean;
}
interface IndexRow {
  table: string;
  name: string;
  unique: boolean;
}
interface ForeignKeyRow {
  table: string;
  column: string;
  references: string;
  onDelete: string;
  onUpdate: string;
}

export async function introspectPostgresql(url: string): Promise<Record<string, TableShape>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, TableShape> = {};
    const table = (name: string): TableShape =>
      (result[name] ??= { columns: [], indexes: {}, foreignKeys: [] });
    for (const { table: t, defaultValue, ...c } of (await client.query<ColumnRow>(COLUMNS)).rows) {
      table(t).columns.push({ ...c, defaultValue: defaultValue?.toUpperCase() ?? null });
    }
    for (const i of (await client.query<IndexRow>(INDEXES)).rows)
      table(i.table).indexes[i.name] = i.unique;
    for (const { table: t, onDelete, onUpdate, ...f } of (
      await client.query<ForeignKeyRow>(FOREIGN_KEYS)
    ).rows) {
      table(t).foreignKeys.push({
        ...f,
        onDelete: ACTIONS[onDelete] ?? onDelete,
        onUpdate: ACTIONS[onUpdate] ?? onUpdate,
      });
    }
    return result;
  } finally {
    await client.end();
  }
}
