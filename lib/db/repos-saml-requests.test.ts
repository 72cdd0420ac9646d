import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { closeDb, createDb } from './client';
import { createRepos } from './repos';
import { describeEachDialect } from './test-support/databases';
import { hasCode, later, now } from './test-support/fixtures';
import { runSql } from './test-support/sql';

// AuthnRequest IDs as samlify / Okta-style SPs mint them: an NCName, so never starting with a digit.
const requestId = () => `_${randomUUID()}`;

describeEachDialect('SAML requests repo', (ctx) => {
  it('consumes a remembered request exactly once', async () => {
    const { samlRequests } = ctx().repos;
    const id = requestId();
    await samlRequests.rememberRequest({ id, connectionId: 'okta', expiresAt: later(300_000) });
    assert.equal(await samlRequests.consumeRequest(id, 'okta', now), true);
    assert.equal(await samlRequests.consumeRequest(id, 'okta', now), false, 'second consume');
    assert.equal(await samlRequests.consumeRequest(requestId(), 'okta', now), false, 'unknown id');
  });

  it('stores the request with its times, and refuses a reused id (DB_CONFLICT)', async () => {
    const t = ctx();
    const id = requestId();
    const createdAt = new Date('2030-06-01T11:59:58.001Z');
    const expiresAt = new Date('2030-06-01T12:05:00.999Z');
    await t.repos.samlRequests.rememberRequest({ id, connectionId: 'entra', expiresAt, createdAt });
    const [row] = await runSql(
      t.url,
      'SELECT "connectionId" AS c FROM "SamlRequest" WHERE id = $1',
      [id],
    );
    assert.equal(row?.c, 'entra');
    await assert.rejects(
      t.repos.samlRequests.rememberRequest({ id, connectionId: 'other', expiresAt }),
      hasCode('DB_CONFLICT'),
    );
    // Expiry is exclusive, to the millisecond.
    assert.equal(await t.repos.samlRequests.consumeRequest(id, 'entra', expiresAt), false);
    assert.equal(await t.repos.samlRequests.consumeRequest(id, 'entra', later(299_998)), true);
  });

  it('does not consume a request of another connection, and leaves it for its own', async () => {
    const { samlRequests } = ctx().repos;
    const id = requestId();
    await samlRequests.rememberRequest({ id, connectionId: 'adfs', expiresAt: later(60_000) });
    assert.equal(await samlRequests.consumeRequest(id, 'shibboleth', now), false);
    assert.equal(await samlRequests.consumeRequest(id, 'adfs', now), true);
  });

  it('does not consume an expired request', async () => {
    const { samlRequests } = ctx().repos;
    const id = requestId();
    await samlRequests.rememberRequest({ id, connectionId: 'okta', expiresAt: later(1_000) });
    assert.equal(await samlRequests.consumeRequest(id, 'okta', later(1_000)), false);
    assert.equal(await samlRequests.consumeRequest(id, 'okta', later(5_000)), false);
  });

  it('of concurrent consumes of one id, from two clients, exactly one succeeds', async () => {
    const t = ctx();
    // A second client is a second instance: its own connection (pool) to the same database.
    const otherDb = createDb(t.url);
    try {
      const other = createRepos(otherDb).samlRequests;
      for (let round = 0; round < 10; round++) {
        const id = requestId();
        await t.repos.samlRequests.rememberRequest({
          id,
          connectionId: 'okta',
          expiresAt: later(60_000),
        });
        const results = await Promise.all([
          t.repos.samlRequests.consumeRequest(id, 'okta', now),
          other.consumeRequest(id, 'okta', now),
          t.repos.samlRequests.consumeRequest(id, 'okta', now),
          other.consumeRequest(id, 'okta', now),
        ]);
        assert.equal(results.filter(Boolean).length, 1, `round ${round}: ${results.join()}`);
      }
    } finally {
      await closeDb(otherDb);
    }
  });

  it('purges expired requests only', async () => {
    const t = ctx();
    await runSql(t.url, 'DELETE FROM "SamlRequest"');
    const live = requestId();
    const { samlRequests } = t.repos;
    await samlRequests.rememberRequest({ id: live, connectionId: 'okta', expiresAt: later(10) });
    for (const ms of [-5, 0]) {
      await samlRequests.rememberRequest({
        id: requestId(),
        connectionId: 'okta',
        expiresAt: later(ms),
      });
    }
    assert.equal(await samlRequests.purgeExpiredRequests(now), 2);
    assert.equal(await samlRequests.purgeExpiredRequests(now), 0);
    assert.equal(await samlRequests.consumeRequest(live, 'okta', now), true);
  });
});
