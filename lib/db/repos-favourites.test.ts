import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { FAVOURITES_MAX } from './repos';
import { describeEachDialect, type TestDatabase } from './test-support/databases';
import { ENTRA_ISSUER, hasCode, later, now } from './test-support/fixtures';

const newUser = (t: TestDatabase) => t.repos.users.upsertUserOnLogin({ issuer: ENTRA_ISSUER, subject: randomUUID() });
const roleIds = (n: number) => Array.from({ length: n }, (_, i) => `111122223333/Role${String(i).padStart(2, '0')}`);
const ids = async (t: TestDatabase, userId: string) => (await t.repos.favourites.listFavourites(userId)).map((f) => f.roleId);

describeEachDialect('favourites repo', (ctx) => {
  it('keeps stars per user in the order they were added; a second star and an unknown unstar change nothing', async () => {
    const t = ctx();
    const [ann, bob] = [await newUser(t), await newUser(t)];
    const held = new Set(['a/1', 'a/2']);
    await t.repos.favourites.addFavourite({ userId: ann.id, roleId: 'a/2', at: now, held });
    await t.repos.favourites.addFavourite({ userId: ann.id, roleId: 'a/1', at: later(1_000), held });
    await t.repos.favourites.addFavourite({ userId: ann.id, roleId: 'a/2', at: later(2_000), held });
    assert.deepEqual(await t.repos.favourites.listFavourites(ann.id), [
      { roleId: 'a/2', createdAt: now },
      { roleId: 'a/1', createdAt: later(1_000) },
    ]);
    assert.deepEqual(await ids(t, bob.id), [], "another user's stars are not theirs");
    assert.equal(await t.repos.favourites.removeFavourite(bob.id, 'a/2'), false, "bob cannot unstar ann's role");
    assert.deepEqual(await ids(t, ann.id), ['a/2', 'a/1']);
    assert.equal(await t.repos.favourites.removeFavourite(ann.id, 'a/2'), true);
    assert.equal(await t.repos.favourites.removeFavourite(ann.id, 'a/2'), false);
    assert.deepEqual(await ids(t, ann.id), ['a/1']);
  });

  it(`refuses the ${FAVOURITES_MAX + 1}th star of held roles with FAVOURITES_FULL and stores nothing`, async () => {
    const t = ctx();
    const user = await newUser(t);
    const all = roleIds(FAVOURITES_MAX + 1);
    const held = new Set(all);
    for (const [i, roleId] of all.slice(0, FAVOURITES_MAX).entries()) await t.repos.favourites.addFavourite({ userId: user.id, roleId, at: later(i), held });
    const last = all[FAVOURITES_MAX] ?? '';
    await assert.rejects(t.repos.favourites.addFavourite({ userId: user.id, roleId: last, at: later(99), held }), hasCode('FAVOURITES_FULL'));
    assert.equal((await ids(t, user.id)).length, FAVOURITES_MAX);
    assert.ok(!(await ids(t, user.id)).includes(last));
    // Re-starring one already starred is not an addition, even when full.
    await t.repos.favourites.addFavourite({ userId: user.id, roleId: all[0] ?? '', at: later(100), held });
  });

  it('when full, drops stars of roles no longer held to make room, and only those', async () => {
    const t = ctx();
    const user = await newUser(t);
    const all = roleIds(FAVOURITES_MAX + 1);
    for (const [i, roleId] of all.slice(0, FAVOURITES_MAX).entries()) await t.repos.favourites.addFavourite({ userId: user.id, roleId, at: later(i), held: new Set(all) });
    const lost = new Set([all[3], all[7]]);
    const held = new Set(all.filter((id) => !lost.has(id)));
    const last = all[FAVOURITES_MAX] ?? '';
    await t.repos.favourites.addFavourite({ userId: user.id, roleId: last, at: later(99), held });
    const kept = await ids(t, user.id);
    assert.equal(kept.length, FAVOURITES_MAX - 1);
    assert.deepEqual(kept, all.filter((id) => !lost.has(id)));
  });

  it("a user's stars go with the user (ON DELETE CASCADE)", async () => {
    const t = ctx();
    const user = await newUser(t);
    await t.repos.favourites.addFavourite({ userId: user.id, roleId: 'a/1', at: now, held: new Set(['a/1']) });
    await t.db.user.delete({ where: { id: user.id } });
    assert.equal(await t.db.favouriteRole.count({ where: { userId: user.id } }), 0);
  });

  it('a star for an unknown user is refused by the foreign key (DB_CONFLICT)', async () => {
    const t = ctx();
    await assert.rejects(t.repos.favourites.addFavourite({ userId: 'nobody', roleId: 'a/1', at: now, held: new Set(['a/1']) }), hasCode('DB_CONFLICT'));
  });
});

describeEachDialect('role uses (the ledger read behind "Recent")', (ctx) => {
  it("lists only this user's successful issuances since the bound, newest first, at most `take`", async () => {
    const t = ctx();
    const [ann, bob] = [await newUser(t), await newUser(t)];
    const row = (userId: string, ms: number, extra: object = {}) =>
      t.repos.audit.appendAudit({ type: 'issuance', outcome: 'ok', userId, roleArn: `arn:aws:iam::111122223333:role/R${ms}`, at: later(ms), ...extra });
    await row(ann.id, -10_000);
    await row(ann.id, 1_000);
    await row(ann.id, 2_000);
    await row(ann.id, 3_000, { outcome: 'failed', code: 'STS_DENIED' });
    await row(ann.id, 4_000, { type: 'console' });
    await row(ann.id, 5_000, { type: 'denial', outcome: 'denied' });
    await row(bob.id, 6_000);
    const uses = await t.repos.roleUses.listRoleUses(ann.id, now);
    assert.deepEqual(uses, [
      { roleArn: 'arn:aws:iam::111122223333:role/R2000', at: later(2_000) },
      { roleArn: 'arn:aws:iam::111122223333:role/R1000', at: later(1_000) },
    ]);
    assert.equal((await t.repos.roleUses.listRoleUses(ann.id, later(-60_000), 1)).length, 1);
    assert.deepEqual(await t.repos.roleUses.listRoleUses('nobody', later(-60_000)), []);
  });
});
