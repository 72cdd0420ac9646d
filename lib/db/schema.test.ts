/**
 * The migrated database is exactly what schema.prisma (and so the generated client) expects, on both
 * dialects: every model is a table, every scalar field a column of Prisma's type and nullability, with
 * Prisma's index names and the declared referential actions — and nothing else besides the ledger table.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Dialect } from './dialect';
import { generatedDataModel } from './repos/data-model';
import { describeEachDialect } from './test-support/databases';
import { introspect, type ForeignKeyShape, type TableShape } from './test-support/introspect';
import { parsePrismaSchema, type SchemaModel } from './test-support/prisma-schema';

const models = parsePrismaSchema(
  readFileSync(path.join(import.meta.dirname, '../../prisma/schema.prisma'), 'utf8'),
);

// Prisma's column types per dialect (prisma-engines sql-schema-describer / migrate defaults).
const COLUMN_TYPES: Record<Dialect, Record<string, string>> = {
  sqlite: {
    String: 'text',
    DateTime: 'datetime',
    Int: 'integer',
    BigInt: 'bigint',
    Boolean: 'boolean',
    Float: 'real',
  },
  postgresql: {
    String: 'text',
    DateTime: 'timestamp(3) without time zone',
    Int: 'integer',
    BigInt: 'bigint',
    Boolean: 'boolean',
    Float: 'double precision',
  },
};
// Prisma's default referential actions when the schema does not declare one.
const ACTIONS: Record<string, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

function expectedTable(model: SchemaModel, dialect: Dialect): TableShape {
  const columns = model.scalars.map((f) => {
    const type = COLUMN_TYPES[dialect][f.type];
    if (!type)
      throw new Error(`no ${dialect} column type known for ${f.type}; extend COLUMN_TYPES`);
    const defaultValue = f.defaultValue === 'now()' ? 'CURRENT_TIMESTAMP' : null;
    const primaryKey = f.id || (model.compositeId?.includes(f.name) ?? false);
    return { name: f.name, type, nullable: f.optional, primaryKey, defaultValue };
  });
  const indexes: Record<string, boolean> = {};
  for (const f of model.scalars.filter((s) => s.unique))
    indexes[`${model.name}_${f.name}_key`] = true;
  for (const u of model.uniques) indexes[`${model.name}_${u.join('_')}_key`] = true;
  for (const i of model.indexes) indexes[`${model.name}_${i.join('_')}_idx`] = false;
  const foreignKeys: ForeignKeyShape[] = model.relations.map((r) => ({
    column: r.field,
    references: r.references,
    onDelete: ACTIONS[r.onDelete ?? (r.optional ? 'SetNull' : 'Restrict')] ?? '?',
    onUpdate: ACTIONS[r.onUpdate ?? 'Cascade'] ?? '?',
  }));
  return { columns, indexes, foreignKeys };
}

describe('generated client vs schema.prisma', () => {
  it('the generated client has exactly the models and scalar fields of schema.prisma (run prisma/generate.ts)', () => {
    const fromSchema = Object.fromEntries(
      models.map((m) => [m.name, m.scalars.map((f) => f.name)]),
    );
    assert.deepEqual(generatedDataModel, fromSchema);
  });
});

/**
 * What schema.prisma cannot say, written in raw SQL by a migration (issue 15 §3, 0014): the ledger's text
 * search index — SQLite's FTS5 table (with its shadow tables), PostgreSQL's pg_trgm GIN expression index.
 */
const RAW_SQL_ONLY: Record<Dialect, { tables: string[]; indexes: Record<string, Record<string, boolean>> }> = {
  sqlite: {
    tables: ['AuditEventSearch', 'AuditEventSearch_config', 'AuditEventSearch_data', 'AuditEventSearch_docsize', 'AuditEventSearch_idx'],
    indexes: {},
  },
  postgresql: { tables: [], indexes: { AuditEvent: { AuditEvent_search_trgm_idx: false } } },
};

describeEachDialect('migrated schema', (ctx, dialect) => {
  it('has a table for every model and nothing else but the migrations ledger and the raw-SQL search index', async () => {
    const tables = Object.keys(await introspect(ctx().url)).sort();
    assert.deepEqual(tables, [...models.map((m) => m.name), '_rolegate_migrations', ...RAW_SQL_ONLY[dialect].tables].sort());
  });

  it('has every field of the generated client as a column', async () => {
    const actual = await introspect(ctx().url);
    for (const [model, fields] of Object.entries(generatedDataModel)) {
      const columns = actual[model]?.columns.map((c) => c.name) ?? [];
      for (const field of fields)
        assert.ok(columns.includes(field), `${model}.${field} is a column`);
    }
  });

  for (const model of models) {
    it(`${model.name}: columns, types, nullability, defaults, indexes and foreign keys match`, async () => {
      const actual = (await introspect(ctx().url))[model.name];
      const expected = expectedTable(model, dialect);
      Object.assign(expected.indexes, RAW_SQL_ONLY[dialect].indexes[model.name]);
      assert.deepEqual(actual, expected);
    });
  }
});
