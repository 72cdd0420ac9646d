import assert from 'node:assert/strict';
import { it } from 'node:test';
import { GatewayError } from '../../core/errors';
import { hashToken } from '../../db/crypto';
import { describeEachDialect } from '../../db/test-support/databases';
import { runSql } from '../../db/test-support/sql';
import { decideDevice, findDeviceForApproval } from './approval';
import { pollDeviceToken, startDeviceAuthorization } from './device-flow';
import { approver, meta, testFlow } from './testing';

const CLI = 'rolegate-cli';
const code = (c: GatewayError['code']) => (e: unknown) => e instanceof GatewayError && e.code === c;
const slowDownTo = (interval: number) => (e: unknown) => code('OAUTH_SLOW_DOWN')(e) && (e as { interval?: number }).interval === interval;

describeEachDialect('device flow', (ctx) => {
  it('answers RFC 8628 §3.2 and stores only the hash of the device code', async () => {
    const t = ctx();
    const { deps } = testFlow(t);
    const res = await startDeviceAuthorization(deps, CLI, meta);
    assert.match(res.device_code, /^[A-Za-z0-9_-]{43}$/);
    assert.match(res.user_code, /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    assert.equal(res.verification_uri, 'https://rolegate.example.com/device');
    assert.equal(res.verification_uri_complete, `https://rolegate.example.com/device?user_code=${res.user_code}`);
    assert.deepEqual([res.expires_in, res.interval], [600, 5]);
    const rows = await runSql(t.url, 'SELECT * FROM "DeviceAuthorization" WHERE id = $1', [hashToken(res.device_code)]);
    assert.equal(rows.length, 1);
    assert.ok(!JSON.stringify(rows).includes(res.device_code), 'the device code itself is not stored');
    assert.equal(rows[0]?.userAgent, 'rolegate-cli/0.1 (linux)');
  });

  it('pending → authorization_pending; faster than the interval → slow_down, +5 s each time', async () => {
    const t = ctx();
    const flow = testFlow(t);
    const { device_code } = await startDeviceAuthorization(flow.deps, CLI, meta);
    const poll = () => pollDeviceToken(flow.deps, device_code, CLI, meta);
    await assert.rejects(poll(), code('OAUTH_AUTHORIZATION_PENDING'));
    await assert.rejects(poll(), slowDownTo(10));
    flow.advance(6_000);
    await assert.rejects(poll(), slowDownTo(15), 'the grown interval counts from the slow_down');
    flow.advance(15_000);
    await assert.rejects(poll(), code('OAUTH_AUTHORIZATION_PENDING'));
    flow.advance(14_600);
    await assert.rejects(poll(), code('OAUTH_AUTHORIZATION_PENDING'), 'within the leniency');
  });

  it('approved → one token pair carrying the approver; the device code is then used up; both audited', async () => {
    const t = ctx();
    const flow = testFlow(t);
    const { device_code, user_code } = await startDeviceAuthorization(flow.deps, CLI, meta);
    const who = await approver(t, 'alice-device');
    const shown = await findDeviceForApproval(flow.deps, user_code.toLowerCase());
    assert.deepEqual([shown.ip, shown.userAgent], [meta.ip, meta.userAgent]);
    await decideDevice(flow.deps, who, user_code, 'approve', { ip: '198.51.100.1' });
    const tokens = await pollDeviceToken(flow.deps, device_code, CLI, meta);
    assert.deepEqual([tokens.token_type, tokens.expires_in, tokens.refresh_expires_in], ['Bearer', 900, 43_200]);
    assert.notEqual(tokens.access_token, tokens.refresh_token);
    const active = await t.repos.cliGrants.findActiveAccessToken(hashToken(tokens.access_token), flow.deps.now());
    assert.equal(active?.user.id, who.userId);
    assert.deepEqual(active?.grant.claims, who.claims);
    await assert.rejects(pollDeviceToken(flow.deps, device_code, CLI, meta), code('OAUTH_INVALID_GRANT'));
    assert.deepEqual(flow.audits.map((a) => [a.type, a.outcome, a.userId]), [['device', 'ok', who.userId], ['cli', 'ok', who.userId]]);
    assert.equal(flow.audits[0]?.detail?.requestIp, meta.ip);
    assert.equal(flow.audits[0]?.ip, '198.51.100.1');
    assert.ok(!JSON.stringify(flow.audits).includes(tokens.access_token) && !JSON.stringify(flow.audits).includes(device_code));
  });

  it('denied → access_denied (audited); a decided code cannot be decided again', async () => {
    const t = ctx();
    const flow = testFlow(t);
    const { device_code, user_code } = await startDeviceAuthorization(flow.deps, CLI, meta);
    const who = await approver(t, 'bob-device');
    await decideDevice(flow.deps, who, user_code, 'deny', meta);
    await assert.rejects(pollDeviceToken(flow.deps, device_code, CLI, meta), code('OAUTH_ACCESS_DENIED'));
    await assert.rejects(decideDevice(flow.deps, who, user_code, 'approve', meta), code('DEVICE_CODE_UNKNOWN'));
    await assert.rejects(findDeviceForApproval(flow.deps, user_code), code('DEVICE_CODE_UNKNOWN'));
    assert.deepEqual(flow.audits.map((a) => [a.type, a.outcome, a.detail?.decision]), [['device', 'denied', 'deny']]);
  });

  it('issue 12: an approval collected after its portal session was revoked → access_denied (audited), no login', async () => {
    const t = ctx();
    const flow = testFlow(t);
    const { device_code, user_code } = await startDeviceAuthorization(flow.deps, CLI, meta);
    const who = await approver(t, 'revoked-before-collection');
    await decideDevice(flow.deps, who, user_code, 'approve', meta);
    await t.repos.users.revokeUserAccess(who.userId, flow.deps.now());
    await assert.rejects(pollDeviceToken(flow.deps, device_code, CLI, meta), code('OAUTH_ACCESS_DENIED'));
    // Signing out (the session alone revoked, the request still approved) is refused the same way.
    const second = await startDeviceAuthorization(flow.deps, CLI, meta);
    const other = await approver(t, 'signed-out-before-collection');
    await decideDevice(flow.deps, other, second.user_code, 'approve', meta);
    await t.repos.sessions.revokeSession(other.sessionId, flow.deps.now());
    await assert.rejects(pollDeviceToken(flow.deps, second.device_code, CLI, meta), code('OAUTH_ACCESS_DENIED'));
    await assert.rejects(pollDeviceToken(flow.deps, second.device_code, CLI, meta), code('OAUTH_ACCESS_DENIED'), 'and stays denied');
    const [grants] = await runSql(t.url, 'SELECT COUNT(*) AS n FROM "CliGrant" WHERE "userId" IN ($1, $2)', [who.userId, other.userId]);
    assert.equal(Number(grants?.n), 0);
    assert.deepEqual(flow.audits.filter((a) => a.type === 'cli').map((a) => [a.outcome, a.code, a.userId, a.detail?.reason]), [['denied', 'OAUTH_ACCESS_DENIED', other.userId, 'approving session ended']]);
  });

  it('expired → expired_token, whether pending or approved; an expired code cannot be approved', async () => {
    const t = ctx();
    const flow = testFlow(t);
    const pending = await startDeviceAuthorization(flow.deps, CLI, meta);
    const approved = await startDeviceAuthorization(flow.deps, CLI, meta);
    await decideDevice(flow.deps, await approver(t, 'late'), approved.user_code, 'approve', meta);
    flow.advance(600_000);
    await assert.rejects(pollDeviceToken(flow.deps, pending.device_code, CLI, meta), code('OAUTH_EXPIRED_TOKEN'));
    await assert.rejects(pollDeviceToken(flow.deps, approved.device_code, CLI, meta), code('OAUTH_EXPIRED_TOKEN'));
    await assert.rejects(decideDevice(flow.deps, await approver(t, 'later'), pending.user_code, 'approve', meta), code('DEVICE_CODE_UNKNOWN'));
  });

  it('unknown, malformed or another client’s device codes are invalid_grant; bad user codes are DEVICE_CODE_UNKNOWN', async () => {
    const t = ctx();
    const { deps } = testFlow(t);
    const { device_code } = await startDeviceAuthorization(deps, CLI, meta);
    await assert.rejects(pollDeviceToken(deps, 'A'.repeat(43), CLI, meta), code('OAUTH_INVALID_GRANT'));
    await assert.rejects(pollDeviceToken(deps, `${device_code}x`, CLI, meta), code('OAUTH_INVALID_GRANT'));
    await assert.rejects(pollDeviceToken(deps, device_code, 'other-client', meta), code('OAUTH_INVALID_GRANT'));
    for (const typed of ['', 'AAAA-AAAA', 'BCDF', 'BBBB-BBBB']) await assert.rejects(findDeviceForApproval(deps, typed), code('DEVICE_CODE_UNKNOWN'));
  });

  it('of concurrent polls of an approved code exactly one gets tokens', async () => {
    const t = ctx();
    const flow = testFlow(t);
    for (let round = 0; round < 5; round++) {
      const { device_code, user_code } = await startDeviceAuthorization(flow.deps, CLI, meta);
      await decideDevice(flow.deps, await approver(t, `racer-${round}`), user_code, 'approve', meta);
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => pollDeviceToken(flow.deps, device_code, CLI, meta)));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, `round ${round}`);
      for (const r of results) if (r.status === 'rejected') assert.ok(code('OAUTH_INVALID_GRANT')(r.reason));
    }
  });
});
