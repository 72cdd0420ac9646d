import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../core/errors';
import { closeDb, createDb } from './client';
import { dialectOf, sqliteFilePath } from './dialect';
import { createRepos } from './repos';
import { describeEachDialect } from './test-support/databases';

const hasCode = (code: GatewayError['code']) => (e: unknown) =>
  e instanceof GatewayError && e.code === code;

describe('database URL', () => {
  it('picks the dialect from the scheme', () => {
    assert.equal(dialectOf('file:./data/rolegate.db'), 'sqlite');
    assert.equal(dialectOf('postgres://u@h/db'), 'postgresql');
    assert.equal(dialectOf('postgresql://u:p@h:5432/db?sslmode=require'), 'postgresql');
    assert.equal(sqliteFilePath('file:./data/rolegate.db'), './data/rolegate.db');
  });

  it('rejects other schemes and SQLite parameters with CONFIG_INVALID, never echoing the URL', () => {
    for (const url of [
      'mysql://root:hunter2@h/db',
      'sqlserver://h',
      '',
      './rolegate.db',
      'POSTGRES://h/db',
    ]) {
      assert.throws(
        () => createDb(url),
        (e: unknown) => hasCode('CONFIG_INVALID')(e) && !String(e).includes('hunter2'),
      );
    }
    assert.throws(
      () => sqliteFilePath('file:./x.db?connection_limit=1'),
      hasCode('CONFIG_INVALID'),
    );
    assert.throws(() => sqliteFilePath('file:'), hasCode('CONFIG_INVALID'));
  });

  it('reports an unreachable PostgreSQL as DB_UNAVAILABLE from any repo call', async () => {
    const db = createDb('postgres://postgres@127.0.0.1:1/rolegate');
    try {
      await assert.rejects(
        createRepos(db).audit.listAudit({ limit: 1 }),
        hasCode('DB_UNAVAILABLE'),
      );
    } finally {
      await closeDb(db);
    }
  });
});

describeEachDialect('database client', (ctx, dialect) => {
  if (dialect === 'sqlite') {
    it('opens SQLite with foreign keys on, WAL and a busy timeout', async () => {
      const { db } = ctx();
      const pragma = async (name: string) => {
        const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
        return String(Object.values(rows[0] ?? {})[0]);
      };
      assert.equal(await pragma('foreign_keys'), '1');
      assert.equal(await pragma('journal_mode'), 'wal');
      assert.equal(await pragma('busy_timeout'), '5000');
    });
  }

  it('serves many concurrent writes and reads through one client', async () => {
    const { audit } = ctx().repos;
    const writes = Array.from({ length: 40 }, (_, i) =>
      audit.appendAudit({ type: 'signin', outcome: 'ok', userId: `u${i % 4}` }),
    );
    await Promise.all(writes);
    const perUser = await Promise.all(
      ['u0', 'u1', 'u2', 'u3'].map((userId) => audit.listAudit({ limit: 100, userId })),
    );
    assert.deepEqual(
      perUser.map((events) => events.length),
      [10, 10, 10, 10],
    );
  });
});
