import assert from 'node:assert/strict';
import { it } from 'node:test';
import { GatewayError } from '../../core/errors';
import { hashToken } from '../../db/crypto';
import { describeEachDialect, type TestDatabase } from '../../db/test-support/databases';
import { decideDevice } from './approval';
import { pollDeviceToken, startDeviceAuthorization } from './device-flow';
import { logoutCli, refreshTokens } from './refresh';
import { approver, meta, testFlow, type TestFlow } from './testing';

const code = (c: GatewayError['code']) => (e: unknown) => e instanceof GatewayError && e.code === c;

async function login(t: TestDatabase, flow: TestFlow, subject: string) {
  const { device_code, user_code } = await startDeviceAuthorization(flow.deps, 'rolegate-cli', meta);
  await decideDevice(flow.deps, await approver(t, subject), user_code, 'approve', meta);
  return pollDeviceToken(flow.deps, device_code, 'rolegate-cli', meta);
}

describeEachDialect('CLI token refresh and logout', (ctx) => {
  it('a refresh returns a new pair that works; the login’s end does not move', async () => {
    const t = ctx();
    const flow = testFlow(t);
    const first = await login(t, flow, 'refresher');
    flow.advance(20 * 60_000);
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(hashToken(first.access_token), flow.deps.now()), null, 'access token expired');
    const second = await refreshTokens(flow.deps, first.refresh_token, meta);
    assert.notEqual(second.refresh_token, first.refresh_token);
    assert.equal(second.expires_in, 900);
    assert.equal(second.refresh_expires_in, 43_200 - 20 * 60);
    assert.ok(await t.repos.cliGrants.findActiveAccessToken(hashToken(second.access_token), flow.deps.now()));
    assert.deepEqual(flow.audits.at(-1)?.detail?.action, 'refresh');
  });

  it('reusing a rotated refresh token → invalid_grant, the login is revoked (new tokens too) and it is audited', async () => {
    const t = ctx();
    const flow = testFlow(t);
    const first = await login(t, flow, 'victim');
    const second = await refreshTokens(flow.deps, first.refresh_token, meta);
    await assert.rejects(refreshTokens(flow.deps, first.refresh_token, { ip: '192.0.2.66' }), code('OAUTH_INVALID_GRANT'));
    const reuse = flow.audits.at(-1);
    assert.deepEqual([reuse?.type, reuse?.outcome, reuse?.code, reuse?.detail?.action, reuse?.ip], ['cli', 'denied', 'OAUTH_INVALID_GRANT', 'refresh-reuse', '192.0.2.66']);
    await assert.rejects(refreshTokens(flow.deps, second.refresh_token, meta), code('OAUTH_INVALID_GRANT'));
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(hashToken(second.access_token), flow.deps.now()), null);
  });

  it('past the absolute lifetime (refreshMaxHours) no refresh is possible', async () => {
    const t = ctx();
    const flow = testFlow(t, { refreshMaxHours: 1, accessTokenMinutes: 60 });
    let tokens = await login(t, flow, 'long-runner');
    flow.advance(59 * 60_000);
    tokens = await refreshTokens(flow.deps, tokens.refresh_token, meta);
    assert.equal(tokens.expires_in, 60, 'the access token is capped at the end of the login');
    flow.advance(60_000);
    await assert.rejects(refreshTokens(flow.deps, tokens.refresh_token, meta), code('OAUTH_INVALID_GRANT'));
  });

  it('malformed, unknown and access tokens are not refresh tokens', async () => {
    const t = ctx();
    const flow = testFlow(t);
    const tokens = await login(t, flow, 'confused');
    for (const bad of ['', 'short', `${tokens.refresh_token}=`, 'B'.repeat(43), tokens.access_token]) {
      await assert.rejects(refreshTokens(flow.deps, bad, meta), code('OAUTH_INVALID_GRANT'), bad);
    }
  });

  it('logout with the access or the refresh token revokes the login at once; unknown tokens are ignored', async () => {
    const t = ctx();
    const flow = testFlow(t);
    const a = await login(t, flow, 'leaver-a');
    await logoutCli(flow.deps, a.access_token, meta);
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(hashToken(a.access_token), flow.deps.now()), null);
    await assert.rejects(refreshTokens(flow.deps, a.refresh_token, meta), code('OAUTH_INVALID_GRANT'));
    const b = await login(t, flow, 'leaver-b');
    await logoutCli(flow.deps, b.refresh_token, meta);
    assert.equal(await t.repos.cliGrants.findActiveAccessToken(hashToken(b.access_token), flow.deps.now()), null);
    const before = flow.audits.length;
    await logoutCli(flow.deps, 'C'.repeat(43), meta);
    await logoutCli(flow.deps, 'not a token', meta);
    await logoutCli(flow.deps, b.refresh_token, meta);
    assert.equal(flow.audits.length, before, 'nothing revoked, nothing audited');
    assert.deepEqual(flow.audits.filter((x) => x.detail?.action === 'logout').length, 2);
  });
});
