import assert from 'node:assert/strict';
import { it, test } from 'node:test';
import { GatewayError } from '../../core/errors';
import { describeEachDialect } from '../../db/test-support/databases';
import { createSharedRateLimiter, deriveSlotKey } from '../shared-rate-limit';
import { startDeviceAuthorization } from './device-flow';
import { formatAgo, loadDevicePage, parseDeviceDecision, USER_AGENT_LABEL } from './device-page';
import { meta, testFlow } from './testing';

const t0 = new Date('2030-06-01T12:00:00Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);

test('formatAgo reads like the approval page says it', () => {
  assert.equal(formatAgo(t0, plus(12_400)), '12 seconds ago');
  assert.equal(formatAgo(t0, plus(1_000)), '1 second ago');
  assert.equal(formatAgo(t0, plus(-5_000)), '0 seconds ago', 'clock skew never shows a negative age');
  assert.equal(formatAgo(t0, plus(61_000)), '1 minute ago');
  assert.equal(formatAgo(t0, plus(9 * 60_000 + 59_000)), '9 minutes ago');
  assert.equal(formatAgo(t0, plus(2 * 3_600_000)), '2 hours ago');
});

test('the decision form takes a user code and approve or deny, nothing else', () => {
  assert.deepEqual(parseDeviceDecision({ user_code: 'BCDF-GHJK', decision: 'approve' }), { userCode: 'BCDF-GHJK', decision: 'approve' });
  const bad = (body: Record<string, unknown>) => assert.throws(() => parseDeviceDecision(body), (e: unknown) => e instanceof GatewayError && e.code === 'BAD_REQUEST');
  bad({ user_code: 'BCDF-GHJK', decision: 'APPROVE' });
  bad({ user_code: 'BCDF-GHJK' });
  bad({ decision: 'deny' });
  bad({ user_code: 'B'.repeat(33), decision: 'deny' });
  bad({ user_code: ['BCDF-GHJK'], decision: 'deny' });
});

describeEachDialect('device approval page', (ctx) => {
  it('shows where and when a pending request came from; unknown codes and too many lookups say so', async () => {
    const { deps } = testFlow(ctx());
    // The limiter the app uses: shared through the database.
    const slotKey = deriveSlotKey('a-test-secret-of-at-least-32-characters');
    const limiter = createSharedRateLimiter({ name: 'device-lookup', capacity: 3, refillPerSecond: 0.001, store: ctx().repos.rateLimits, slotKey });
    const { user_code } = await startDeviceAuthorization(deps, 'rolegate-cli', meta);
    assert.deepEqual(await loadDevicePage(deps, limiter, 'u1', undefined), { kind: 'enter' });
    const view = await loadDevicePage(deps, limiter, 'u1', user_code.toLowerCase().replace('-', ' '));
    assert.deepEqual(view.kind === 'request' && [view.userCode, view.ip, view.userAgent, view.clientId], [user_code, meta.ip, meta.userAgent, 'rolegate-cli']);
    // Issue 12 §7: the client names itself; the page must not present that as a fact.
    assert.equal(view.kind === 'request' && view.userAgentLabel, USER_AGENT_LABEL);
    assert.match(USER_AGENT_LABEL, /^reported by the client/);
    assert.deepEqual(await loadDevicePage(deps, limiter, 'u1', 'BBBB-BBBB'), { kind: 'unknown', code: 'DEVICE_CODE_UNKNOWN' });
    assert.deepEqual(await loadDevicePage(deps, limiter, 'u1', 'nonsense'), { kind: 'unknown', code: 'DEVICE_CODE_UNKNOWN' });
    assert.deepEqual(await loadDevicePage(deps, limiter, 'u1', user_code), { kind: 'unknown', code: 'RATE_LIMITED' });
    assert.equal((await loadDevicePage(deps, limiter, 'u2', user_code)).kind, 'request', 'the limit is per user');
  });
});
