/** Issue 12 §7: a SAML sign-in's request, assertion ID, user and session commit together or not at all. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { closeDb, createDb } from './client';
import { createRepos, type SamlSignIn } from './repos';
import { describeEachDialect, type TestDatabase } from './test-support/databases';
import { entraClaims, hasCode, later, now } from './test-support/fixtures';
import { runSql } from './test-support/sql';

async function pendingRequest(t: TestDatabase, connectionId = 'adfs'): Promise<string> {
  const id = `_${randomUUID()}`;
  await t.repos.samlRequests.rememberRequest({ id, connectionId, expiresAt: later(600_000), createdAt: now });
  return id;
}

function signIn(requestId: string | undefined, assertionId: string, subject = randomUUID()): SamlSignIn {
  return {
    connectionId: 'adfs',
    requestId,
    assertionId,
    replayUntil: later(360_000),
    identity: { issuer: 'http://adfs.example.com/adfs/services/trust', subject },
    session: { id: randomUUID(), idpId: 'adfs', claims: entraClaims(subject), expiresAt: later(3_600_000) },
    now,
  };
}

const count = async (t: TestDatabase, table: string) =>
  Number((await runSql(t.url, `SELECT COUNT(*) AS n FROM "${table}"`, []))[0]?.n);

describeEachDialect('SAML sign-in commit', (ctx) => {
  it('consumes the request, records the assertion and opens the session in one go', async () => {
    const t = ctx();
    const requestId = await pendingRequest(t);
    const s = signIn(requestId, `_${randomUUID()}`);
    const { user, session } = await t.repos.samlSignIn.acceptSamlSignIn(s);
    assert.equal(session.userId, user.id);
    assert.equal(await t.repos.samlRequests.isPending(requestId, 'adfs', now), false);
    assert.equal(await t.repos.samlReplay.isSeen('adfs', s.assertionId, now), true);
    assert.equal(await t.repos.samlReplay.isSeen('adfs', s.assertionId, later(360_000)), false, 'expiry is exclusive');
    assert.ok(await t.repos.sessions.getActiveSession(s.session.id, now));
  });

  it('a replayed assertion writes nothing: its request stays pending, no user, no session', async () => {
    const t = ctx();
    const assertionId = `_${randomUUID()}`;
    await t.repos.samlSignIn.acceptSamlSignIn(signIn(await pendingRequest(t), assertionId));
    const [users, sessions] = [await count(t, 'User'), await count(t, 'PortalSession')];
    const second = await pendingRequest(t);
    await assert.rejects(t.repos.samlSignIn.acceptSamlSignIn(signIn(second, assertionId)), hasCode('SAML_REPLAY'));
    assert.equal(await t.repos.samlRequests.isPending(second, 'adfs', now), true, 'the rollback kept the request');
    assert.deepEqual([await count(t, 'User'), await count(t, 'PortalSession')], [users, sessions]);
  });

  it('an unknown, spent or other connection’s request refuses and records no assertion', async () => {
    const t = ctx();
    const other = await pendingRequest(t, 'okta');
    for (const requestId of [`_${randomUUID()}`, other]) {
      const s = signIn(requestId, `_${randomUUID()}`);
      await assert.rejects(t.repos.samlSignIn.acceptSamlSignIn(s), hasCode('SAML_IN_RESPONSE_TO_MISMATCH'));
      assert.equal(await t.repos.samlReplay.isSeen('adfs', s.assertionId, now), false);
      assert.equal(await t.repos.sessions.getActiveSession(s.session.id, now), null);
    }
    assert.equal(await t.repos.samlRequests.isPending(other, 'okta', now), true);
  });

  it('an expired leftover replay row gives way; IdP-initiated sign-ins need no request', async () => {
    const t = ctx();
    const assertionId = `_${randomUUID()}`;
    await t.repos.samlReplay.rememberAssertion({ connectionId: 'adfs', assertionId, expiresAt: now }, new Date(now.getTime() - 1000));
    await t.repos.samlSignIn.acceptSamlSignIn(signIn(undefined, assertionId));
    await assert.rejects(t.repos.samlSignIn.acceptSamlSignIn(signIn(undefined, assertionId)), hasCode('SAML_REPLAY'));
  });

  it('of the same assertion committed on two instances at once, exactly one opens a session', async () => {
    const t = ctx();
    // SQLite: better-sqlite3 waits for a lock synchronously, so a second client in this same process would
    // block the event loop the first needs to commit; instances are processes there, and one client
    // running both commits at once is the in-process race. PostgreSQL: a second pool, a real second instance.
    const db = t.dialect === 'postgresql' ? createDb(t.url) : undefined;
    try {
      const other = db ? createRepos(db) : t.repos;
      for (let round = 0; round < 5; round++) {
        const assertionId = `_${randomUUID()}`;
        const results = await Promise.allSettled([
          t.repos.samlSignIn.acceptSamlSignIn(signIn(await pendingRequest(t), assertionId)),
          other.samlSignIn.acceptSamlSignIn(signIn(await pendingRequest(t), assertionId)),
        ]);
        assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, `round ${round}`);
        const lost = results.find((r) => r.status === 'rejected');
        assert.ok(lost && hasCode('SAML_REPLAY')(lost.reason), `round ${round}: ${String(lost?.reason)}`);
      }
    } finally {
      if (db) await closeDb(db);
    }
  });
});
