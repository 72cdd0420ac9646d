import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeEachDialect } from './test-support/databases';
import { later, now, signedInSession } from './test-support/fixtures';
import { runSql } from './test-support/sql';

describeEachDialect('sessions repo: expiry and revocation', (ctx) => {
  it('does not return an expired session (expiry is exclusive) or an unknown id', async () => {
    const t = ctx();
    const { id } = await signedInSession(t, { expiresAt: later(1) });
    assert.ok(await t.repos.sessions.getActiveSession(id, now));
    assert.equal(await t.repos.sessions.getActiveSession(id, later(1)), null);
    assert.equal(await t.repos.sessions.getActiveSession(id, later(60_000)), null);
    assert.equal(await t.repos.sessions.getActiveSession(randomUUID(), now), null);
  });

  it('getActivePrincipal answers as getActiveSession does, without the user row (issue 15 §2)', async () => {
    const t = ctx();
    const { id, user } = await signedInSession(t, { expiresAt: later(1) });
    const session = await t.repos.sessions.getActiveSession(id, now);
    assert.deepEqual(await t.repos.sessions.getActivePrincipal(id, now), { id, userId: user.id, idpId: session?.idpId, claims: session?.claims });
    assert.equal(await t.repos.sessions.getActivePrincipal(id, later(1)), null, 'expired (exclusive)');
    assert.equal(await t.repos.sessions.getActivePrincipal(randomUUID(), now), null, 'unknown');
    const revoked = await signedInSession(t);
    await t.repos.sessions.revokeSession(revoked.id, now);
    assert.equal(await t.repos.sessions.getActivePrincipal(revoked.id, now), null, 'revoked');
    const unreadable = await signedInSession(t);
    await runSql(t.url, 'UPDATE "PortalSession" SET claims = $1 WHERE id = $2', ['{"idpId":"entra"}', unreadable.id]);
    assert.equal(await t.repos.sessions.getActivePrincipal(unreadable.id, now), null, 'claims that no longer parse');
  });

  it('does not return a revoked session; revoking twice or an unknown id is a no-op', async () => {
    const t = ctx();
    const { id } = await signedInSession(t);
    assert.equal(await t.repos.sessions.revokeSession(id, now), true);
    assert.equal(await t.repos.sessions.getActiveSession(id, now), null);
    assert.equal(await t.repos.sessions.revokeSession(id, later(5)), false);
    assert.equal(await t.repos.sessions.revokeSession(randomUUID(), now), false);
    const [row] = await runSql(
      t.url,
      'SELECT "revokedAt" AS v FROM "PortalSession" WHERE id = $1',
      [id],
    );
    assert.ok(row?.v, 'the first revocation time is kept');
  });

  it('revokeUserSessions ends every live session of that user only', async () => {
    const t = ctx();
    const a = await signedInSession(t, { subject: 'multi' });
    const b = await signedInSession(t, { subject: 'multi' });
    const other = await signedInSession(t, { subject: 'bystander' });
    assert.equal(a.user.id, b.user.id);
    assert.equal(await t.repos.sessions.revokeUserSessions(a.user.id, now), 2);
    assert.equal(await t.repos.sessions.getActiveSession(a.id, now), null);
    assert.equal(await t.repos.sessions.getActiveSession(b.id, now), null);
    assert.ok(await t.repos.sessions.getActiveSession(other.id, now));
    assert.equal(await t.repos.sessions.revokeUserSessions(a.user.id, now), 0);
  });
});
