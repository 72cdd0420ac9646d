import assert from 'node:assert/strict';
import { it } from 'node:test';
import { GatewayError } from '../core/errors';
import { sha256Hex } from './repos/config-revisions';
import { describeEachDialect } from './test-support/databases';

const at = new Date('2031-03-01T10:00:00.000Z');
const isStale = (e: unknown) => e instanceof GatewayError && e.code === 'CONFIG_STALE';

describeEachDialect('config revisions repo', (ctx) => {
  it('starts empty; revisions count up from 1; head, latest, latestFromFile and list agree', async () => {
    const { configRevisions } = ctx().repos;
    assert.equal(await configRevisions.head(), undefined);
    const r1 = await configRevisions.append({ basedOn: 0, source: 'file', text: 'a: 1\n', changes: [], at });
    assert.deepEqual({ revision: r1.revision, sha256: r1.sha256 }, { revision: 1, sha256: sha256Hex('a: 1\n') });
    const change = [{ section: 'rules', id: 'r', kind: 'added' }];
    await configRevisions.append({ basedOn: 1, source: 'edit', text: 'a: 2\n', createdBy: 'admin@example.com', changes: change, at });
    assert.deepEqual(await configRevisions.head(), { revision: 2, sha256: sha256Hex('a: 2\n') });
    assert.equal((await configRevisions.latest())?.text, 'a: 2\n');
    assert.deepEqual(await configRevisions.latestFromFile(), { revision: 1, sha256: sha256Hex('a: 1\n') });
    const list = await configRevisions.list(10);
    assert.deepEqual(list.map((r) => [r.revision, r.source, r.createdBy]), [[2, 'edit', 'admin@example.com'], [1, 'file', undefined]]);
    assert.deepEqual(list[0]?.changes, change);
    assert.equal((await configRevisions.get(1))?.text, 'a: 1\n');
  });

  it('refuses a change made against a revision that is no longer live, and writes nothing', async () => {
    const { configRevisions } = ctx().repos;
    const head = (await configRevisions.head())?.revision ?? 0;
    await assert.rejects(configRevisions.append({ basedOn: head - 1, source: 'import', text: 'x', changes: [], at }), isStale);
    await assert.rejects(configRevisions.append({ basedOn: head + 5, source: 'import', text: 'x', changes: [], at }), isStale);
    assert.equal((await configRevisions.head())?.revision, head);
  });

  it('two writers on the same base: exactly one lands', async () => {
    const { configRevisions } = ctx().repos;
    const head = (await configRevisions.head())?.revision ?? 0;
    const results = await Promise.allSettled([1, 2, 3].map((n) => configRevisions.append({ basedOn: head, source: 'edit', text: `n: ${n}`, changes: [], at })));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) if (r.status === 'rejected') assert.ok(isStale(r.reason), String(r.reason));
    assert.equal((await configRevisions.head())?.revision, head + 1);
  });

  it('the database itself refuses to rewrite or delete history', async () => {
    const { db } = ctx();
    // The SQLite adapter reports a trigger's RAISE as a constraint failure; what counts is the refusal.
    await assert.rejects(db.configRevision.update({ where: { revision: 1 }, data: { text: 'forged' } }));
    await assert.rejects(db.configRevision.delete({ where: { revision: 1 } }));
    await assert.rejects(db.$executeRawUnsafe('DELETE FROM "ConfigRevision"'), /append-only/);
    assert.equal((await db.configRevision.findUnique({ where: { revision: 1 } }))?.text, 'a: 1\n');
  });
});
