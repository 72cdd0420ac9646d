import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { migrate } from '../../prisma/migrate';
import { GatewayError } from '../core/errors';
import { DIALECTS, createEmptyDatabase, dropDatabase, skipReason } from './test-support/databases';
import { listTables } from './test-support/introspect';

const migrationsOf = (dialect: string) =>
  path.join(import.meta.dirname, '../../prisma/migrations', dialect);
/** The migrations this build ships, in order; test-only extras are named 9xxx_ to sort after them. */
const shipped = (dialect: string) =>
  readdirSync(migrationsOf(dialect))
    .filter((name) => name.endsWith('.sql'))
    .sort();
const scratch: string[] = [];
after(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the dialect's migrations in a temp dir, plus `extra` files, for tests that edit them. */
function migrationsCopy(dialect: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rolegate-migrations-'));
  scratch.push(dir);
  for (const name of readdirSync(migrationsOf(dialect))) {
    copyFileSync(path.join(migrationsOf(dialect), name), path.join(dir, name));
  }
  for (const [name, sql] of Object.entries(extra)) writeFileSync(path.join(dir, name), sql);
  return dir;
}

function isMigrationFailure(pattern: RegExp) {
  return (e: unknown) =>
    e instanceof GatewayError && e.code === 'DB_MIGRATION_FAILED' && pattern.test(e.message);
}

for (const dialect of DIALECTS) {
  describe(`migrate [${dialect}]`, { skip: skipReason(dialect) }, () => {
    let url = '';
    beforeEach(async () => {
      url = await createEmptyDatabase(dialect);
    });
    afterEach(() => dropDatabase(url));

    it('applies every migration once, then is a no-op', async () => {
      assert.deepEqual(await migrate(url), { applied: shipped(dialect) });
      assert.equal(shipped(dialect)[0], '0001_init.sql');
      assert.deepEqual(await migrate(url), { applied: [] });
      const tables = await listTables(url);
      for (const t of [
        'User',
        'PortalSession',
        'SigningKey',
        'AuditEvent',
        'SamlRequest',
        'SamlReplay',
        'SamlKey',
        'SamlTrace',
        '_rolegate_migrations',
      ]) {
        assert.ok(tables.includes(t), `${t} exists`);
      }
    });

    it('two instances starting together apply each migration exactly once', async () => {
      const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
      assert.deepEqual(results.flatMap((r) => r.applied).sort(), shipped(dialect));
    });

    it('refuses to run when an applied migration file was edited', async () => {
      await migrate(url);
      const dir = migrationsCopy(dialect);
      writeFileSync(path.join(dir, '0001_init.sql'), '-- edited\n', { flag: 'a' });
      await assert.rejects(
        migrate(url, { migrationsDir: dir }),
        isMigrationFailure(/0001_init\.sql was changed/),
      );
    });

    it('ignores CRLF line endings when comparing checksums', async () => {
      const dir = migrationsCopy(dialect, {
        '9001_crlf.sql': 'CREATE TABLE "Crlf" ("id" TEXT);\r\n',
      });
      assert.deepEqual((await migrate(url, { migrationsDir: dir })).applied, [
        ...shipped(dialect),
        '9001_crlf.sql',
      ]);
      writeFileSync(path.join(dir, '9001_crlf.sql'), 'CREATE TABLE "Crlf" ("id" TEXT);\n');
      assert.deepEqual(await migrate(url, { migrationsDir: dir }), { applied: [] });
    });

    it('refuses to run against a database that has a migration this build does not know', async () => {
      const dir = migrationsCopy(dialect, {
        '9002_newer.sql': 'CREATE TABLE "Newer" ("id" TEXT);',
      });
      await migrate(url, { migrationsDir: dir });
      await assert.rejects(
        migrate(url),
        isMigrationFailure(/9002_newer\.sql, which this build does not have/),
      );
    });

    it('rolls a failing migration back completely and does not record it', async () => {
      const bad = 'CREATE TABLE "Half" ("id" TEXT);\nINSERT INTO "NoSuchTable" VALUES (1);';
      const dir = migrationsCopy(dialect, { '9003_bad.sql': bad });
      await assert.rejects(
        migrate(url, { migrationsDir: dir }),
        isMigrationFailure(/migration 9003_bad\.sql failed/),
      );
      assert.ok(!(await listTables(url)).includes('Half'), 'the partial table was rolled back');
      // The shipped migrations were committed on their own; fixing 9003 lets the next run continue.
      writeFileSync(path.join(dir, '9003_bad.sql'), 'CREATE TABLE "Half" ("id" TEXT);');
      assert.deepEqual(await migrate(url, { migrationsDir: dir }), { applied: ['9003_bad.sql'] });
    });
  });
}

describe('migrate: database URL', () => {
  it('rejects a URL of an unsupported dialect with CONFIG_INVALID and without echoing it', async () => {
    const secretUrl = 'mysql://admin:hunter2@db.example/rolegate';
    await assert.rejects(
      migrate(secretUrl),
      (e: unknown) =>
        e instanceof GatewayError && e.code === 'CONFIG_INVALID' && !e.message.includes('hunter2'),
    );
  });

  it('reports an unreachable PostgreSQL server as DB_UNAVAILABLE', async () => {
    await assert.rejects(
      migrate('postgres://postgres@127.0.0.1:1/rolegate'),
      (e: unknown) => e instanceof GatewayError && e.code === 'DB_UNAVAILABLE',
    );
  });
});
