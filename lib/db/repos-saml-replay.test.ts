import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { closeDb, createDb } from './client';
import { createRepos, type Repos } from './repos';
import { describeEachDialect, type TestDatabase } from './test-support/databases';
import { later, now } from './test-support/fixtures';
import { runSql } from './test-support/sql';

// Assertion IDs shaped as ADFS writes them (`_` + GUID).
const assertionId = () => `_${randomUUID()}`;

/** `fn` with the repos of a second client: another instance sharing the database. */
async function withSecondInstance<T>(
  t: TestDatabase,
  fn: (other: Repos) => Promise<T>,
): Promise<T> {
  const db = createDb(t.url);
  try {
    return await fn(createRepos(db));
  } finally {
    await closeDb(db);
  }
}

describeEachDialect('SAML replay repo', (ctx) => {
  it('accepts an assertion id the first time and reports the replay while it is unexpired', async () => {
    const { samlReplay } = ctx().repos;
    const seen = { connectionId: 'adfs', assertionId: assertionId(), expiresAt: later(300_000) };
    assert.equal(await samlReplay.rememberAssertion(seen, now), true);
    assert.equal(await samlReplay.rememberAssertion(seen, now), false);
    assert.equal(await samlReplay.rememberAssertion(seen, later(299_999)), false);
    // The same id from another IdP is a different assertion.
    assert.equal(await samlReplay.rememberAssertion({ ...seen, connectionId: 'okta' }, now), true);
  });

  it('replaces an expired leftover row, which then guards until its new expiry', async () => {
    const t = ctx();
    const id = assertionId();
    const first = { connectionId: 'adfs', assertionId: id, expiresAt: later(1_000) };
    assert.equal(await t.repos.samlReplay.rememberAssertion(first, now), true);
    const again = { ...first, expiresAt: later(10_000) };
    assert.equal(await t.repos.samlReplay.rememberAssertion(again, later(1_000)), true);
    assert.equal(await t.repos.samlReplay.rememberAssertion(again, later(5_000)), false);
    const rows = await runSql(
      t.url,
      'SELECT "assertionId" FROM "SamlReplay" WHERE "assertionId" = $1',
      [id],
    );
    assert.equal(rows.length, 1);
  });

  it('of concurrent first sightings on two instances, exactly one is accepted', async () => {
    const t = ctx();
    await withSecondInstance(t, async (other) => {
      for (let round = 0; round < 10; round++) {
        const seen = { connectionId: 'okta', assertionId: assertionId(), expiresAt: later(60_000) };
        const results = await Promise.all([
          t.repos.samlReplay.rememberAssertion(seen, now),
          other.samlReplay.rememberAssertion(seen, now),
          t.repos.samlReplay.rememberAssertion(seen, now),
          other.samlReplay.rememberAssertion(seen, now),
        ]);
        assert.equal(results.filter(Boolean).length, 1, `round ${round}: ${results.join()}`);
      }
    });
  });

  it('of concurrent sightings over an expired leftover, exactly one is accepted', async () => {
    const t = ctx();
    await withSecondInstance(t, async (other) => {
      for (let round = 0; round < 10; round++) {
        const seen = { connectionId: 'entra', assertionId: assertionId(), expiresAt: later(1_000) };
        assert.equal(await t.repos.samlReplay.rememberAssertion(seen, now), true);
        const renewed = { ...seen, expiresAt: later(60_000) };
        const results = await Promise.all([
          t.repos.samlReplay.rememberAssertion(renewed, later(2_000)),
          other.samlReplay.rememberAssertion(renewed, later(2_000)),
          t.repos.samlReplay.rememberAssertion(renewed, later(2_000)),
          other.samlReplay.rememberAssertion(renewed, later(2_000)),
        ]);
        assert.equal(results.filter(Boolean).length, 1, `round ${round}: ${results.join()}`);
      }
    });
  });

  it('purges expired entries only; a purged id is accepted again', async () => {
    const t = ctx();
    await runSql(t.url, 'DELETE FROM "SamlReplay"');
    const { samlReplay } = t.repos;
    const live = { connectionId: 'adfs', assertionId: assertionId(), expiresAt: later(10) };
    const old = { connectionId: 'adfs', assertionId: assertionId(), expiresAt: later(0) };
    await samlReplay.rememberAssertion(live, now);
    await samlReplay.rememberAssertion(old, later(-60_000));
    assert.equal(await samlReplay.purgeExpiredAssertions(now), 1);
    assert.equal(await samlReplay.purgeExpiredAssertions(now), 0);
    assert.equal(await samlReplay.rememberAssertion(live, now), false);
    assert.equal(await samlReplay.rememberAssertion({ ...old, expiresAt: later(50) }, now), true);
  });
});
