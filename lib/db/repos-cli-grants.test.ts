import assert from 'node:assert/strict';
import { it } from 'node:test';
import { cliLogin, newHash, raceClient } from './test-support/cli-fixtures';
import { describeEachDialect } from './test-support/databases';
import { later, now } from './test-support/fixtures';
import { runSql } from './test-support/sql';

const nextPair = (accessMs = 15 * 60_000) => ({ accessHash: newHash(), refreshHash: newHash(), accessExpiresAt: later(accessMs) });

describeEachDialect('CLI grants repo', (ctx) => {
  it('finds a live access token with its grant and user; never after expiry (exclusive) or for a refresh token', async () => {
    const t = ctx();
    const { user, plan } = await cliLogin(t, { accessMs: 1_000 });
    const found = await t.repos.cliGrants.findActiveAccessToken(plan.accessHash, now);
    assert.equal(found?.user.id, user.id);
    assert.equal(found?.grant.id, plan.grantId);
    assert.equal(found?.expiresAt.getTime(), later(1_000).getTime());
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(plan.accessHash, later(1_000)), null);
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(plan.refreshHash, now), null, 'a refresh token is no access token');
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(newHash(), now), null);
  });

  it('caps the access token at the absolute expiry, and nothing works past it', async () => {
    const t = ctx();
    const { plan, issued } = await cliLogin(t, { absoluteMs: 60_000, accessMs: 15 * 60_000 });
    assert.equal(issued.accessExpiresAt.getTime(), later(60_000).getTime());
    assert.equal(issued.refreshExpiresAt.getTime(), later(60_000).getTime());
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(plan.accessHash, later(60_000)), null);
    assert.equal((await t.repos.cliGrants.rotateRefreshToken(plan.refreshHash, later(60_000), nextPair())).kind, 'invalid');
  });

  it('rotates a refresh token once: the new pair works, the old one is marked used and replaced', async () => {
    const t = ctx();
    const { plan } = await cliLogin(t);
    const next = nextPair();
    const rotated = await t.repos.cliGrants.rotateRefreshToken(plan.refreshHash, later(1_000), next);
    assert.equal(rotated.kind, 'rotated');
    assert.ok(await t.repos.cliGrants.findActiveAccessToken(next.accessHash, later(1_000)));
    const [old] = await runSql(t.url, 'SELECT "replacedBy" AS r, "usedAt" AS u FROM "CliToken" WHERE id = $1', [plan.refreshHash]);
    assert.equal(old?.r, next.refreshHash);
    assert.ok(old?.u);
    assert.equal((await t.repos.cliGrants.rotateRefreshToken(next.refreshHash, later(2_000), nextPair())).kind, 'rotated');
  });

  it('reuse of a used refresh token revokes the whole family: new access and refresh tokens die too', async () => {
    const t = ctx();
    const { plan } = await cliLogin(t);
    const next = nextPair();
    await t.repos.cliGrants.rotateRefreshToken(plan.refreshHash, now, next);
    const reused = await t.repos.cliGrants.rotateRefreshToken(plan.refreshHash, later(5), nextPair());
    assert.deepEqual(reused.kind === 'reused' && [reused.revoked, reused.grant.id], [true, plan.grantId]);
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(next.accessHash, later(5)), null);
    assert.equal((await t.repos.cliGrants.rotateRefreshToken(next.refreshHash, later(5), nextPair())).kind, 'invalid');
    const again = await t.repos.cliGrants.rotateRefreshToken(plan.refreshHash, later(6), nextPair());
    assert.equal(again.kind === 'reused' && again.revoked, false, 'revoked only once');
    assert.equal((await t.repos.cliGrants.getCliGrant(plan.grantId))?.revokedReason, 'refresh-token-reuse');
  });

  it('refuses to rotate an access token, an unknown token or a token of a revoked grant', async () => {
    const t = ctx();
    const { plan } = await cliLogin(t);
    assert.equal((await t.repos.cliGrants.rotateRefreshToken(plan.accessHash, now, nextPair())).kind, 'invalid');
    assert.equal((await t.repos.cliGrants.rotateRefreshToken(newHash(), now, nextPair())).kind, 'invalid');
    assert.equal(await t.repos.cliGrants.revokeCliGrant(plan.grantId, now, 'logout'), true);
    assert.equal((await t.repos.cliGrants.rotateRefreshToken(plan.refreshHash, now, nextPair())).kind, 'invalid');
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(plan.accessHash, now), null, 'revocation is immediate');
  });

  it('of concurrent rotations of one refresh token exactly one wins and the family is revoked', async () => {
    const t = ctx();
    const other = raceClient(t);
    try {
      for (let round = 0; round < 5; round++) {
        const { plan } = await cliLogin(t);
        const pairs = [nextPair(), nextPair(), nextPair(), nextPair()];
        const results = await Promise.all(
          pairs.map((p, i) => (i % 2 ? other.repos : t.repos).cliGrants.rotateRefreshToken(plan.refreshHash, now, p)),
        );
        assert.equal(results.filter((r) => r.kind === 'rotated').length, 1, `round ${round}: ${results.map((r) => r.kind).join()}`);
        assert.equal(results.filter((r) => r.kind === 'reused').length, 3);
        const winner = pairs[results.findIndex((r) => r.kind === 'rotated')];
        assert.equal(await t.repos.cliGrants.findActiveAccessToken(winner?.accessHash ?? '', now), null, 'the winner is revoked with the family');
      }
    } finally {
      await other.close();
    }
  });

  it('revokes by any token of the family once; unknown tokens are a no-op', async () => {
    const t = ctx();
    const a = await cliLogin(t);
    const revoked = await t.repos.cliGrants.revokeCliGrantByToken(a.plan.accessHash, now, 'logout');
    assert.equal(revoked?.id, a.plan.grantId);
    assert.equal(revoked?.revokedReason, 'logout');
    assert.equal(await t.repos.cliGrants.revokeCliGrantByToken(a.plan.refreshHash, now, 'logout'), null, 'already revoked');
    const b = await cliLogin(t);
    assert.equal((await t.repos.cliGrants.revokeCliGrantByToken(b.plan.refreshHash, now, 'logout'))?.id, b.plan.grantId);
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(b.plan.accessHash, now), null);
    assert.equal(await t.repos.cliGrants.revokeCliGrantByToken(newHash(), now, 'logout'), null);
  });

  it('revokeUserCliGrants ends every login of that user only', async () => {
    const t = ctx();
    const one = await cliLogin(t, { subject: 'multi-cli' });
    const two = await cliLogin(t, { subject: 'multi-cli' });
    const bystander = await cliLogin(t, { subject: 'bystander-cli' });
    assert.equal(one.user.id, two.user.id);
    assert.equal(await t.repos.cliGrants.revokeUserCliGrants(one.user.id, now), 2);
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(one.plan.accessHash, now), null);
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(two.plan.accessHash, now), null);
    assert.ok(await t.repos.cliGrants.findActiveAccessToken(bystander.plan.accessHash, now));
    assert.equal(await t.repos.cliGrants.revokeUserCliGrants(one.user.id, now), 0);
    assert.equal((await t.repos.cliGrants.getCliGrant(one.plan.grantId))?.revokedReason, 'admin');
  });

  it('only the token hashes are stored, never anything shaped like the tokens', async () => {
    const t = ctx();
    const { plan } = await cliLogin(t);
    const rows = await runSql(t.url, 'SELECT id, kind FROM "CliToken" WHERE "grantId" = $1 ORDER BY kind', [plan.grantId]);
    assert.deepEqual(rows.map((r) => [r.id, r.kind]), [[plan.accessHash, 'access'], [plan.refreshHash, 'refresh']]);
  });

  it('purges logins past their absolute expiry with their tokens', async () => {
    const t = ctx();
    const old = await cliLogin(t, { absoluteMs: 1_000 });
    const live = await cliLogin(t);
    assert.ok((await t.repos.cliGrants.purgeCliGrants(later(1_000))) >= 1);
    assert.equal(await t.repos.cliGrants.getCliGrant(old.plan.grantId), null);
    assert.deepEqual(await runSql(t.url, 'SELECT id FROM "CliToken" WHERE "grantId" = $1', [old.plan.grantId]), []);
    assert.ok(await t.repos.cliGrants.getCliGrant(live.plan.grantId));
  });
});
