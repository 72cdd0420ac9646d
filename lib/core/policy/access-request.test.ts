import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfigText } from '../config/parse';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { GatewayError } from '../errors';
import { checkAccessRequest, type AccessRequestContext } from './access-request';

const config = parseConfigText(EXAMPLE_CONFIG_YAML.replace('      - name: Operator\n', '      - name: Operator\n        requestable: true\n'));
const now = new Date('2031-08-01T09:00:00Z');
const ctx = (over: Partial<AccessRequestContext> = {}): AccessRequestContext => ({
  roles: config.roles, requester: { userId: 'u-carol', email: 'carol@example.com' }, now, maxDurationSeconds: 8 * 3600, requiredApprovals: 1, pending: [], ...over,
});
const code = (c: string, detail?: RegExp) => (e: unknown) => e instanceof GatewayError && e.code === c && (!detail || detail.test(e.publicDetail ?? ''));
const ask = { roleId: '444455556666/Operator', reason: 'on call for INC-7', durationSeconds: 7200 };

test('a request for a requestable role becomes a pending grant to the requester, starting now, needing approval', () => {
  assert.deepEqual(checkAccessRequest(ask, ctx()), {
    roleId: '444455556666/Operator', userId: 'u-carol', reason: 'on call for INC-7', requestedBy: 'u-carol', requestedByEmail: 'carol@example.com',
    requestedAt: now, startsAt: now, durationSeconds: 7200, requiredApprovals: 1, status: 'pending',
  });
});

test('never fewer than one approval, whatever the config says', () => {
  assert.equal(checkAccessRequest(ask, ctx({ requiredApprovals: 0 })).requiredApprovals, 1);
  assert.equal(checkAccessRequest(ask, ctx({ requiredApprovals: 3 })).requiredApprovals, 3);
});

test('deny by default: roles not marked requestable, and unknown roles, cannot be requested', () => {
  assert.throws(() => checkAccessRequest({ ...ask, roleId: '111122223333/Admin' }, ctx()), code('GRANT_ROLE_UNKNOWN'));
  assert.throws(() => checkAccessRequest({ ...ask, roleId: '999999999999/Nope' }, ctx()), code('GRANT_ROLE_UNKNOWN'));
});

test('a reason, a duration within limits, no second pending request for the role, at most five pending', () => {
  assert.throws(() => checkAccessRequest({ ...ask, reason: '  ' }, ctx()), code('GRANT_INVALID', /reason/));
  assert.throws(() => checkAccessRequest({ ...ask, reason: 'x'.repeat(501) }, ctx()), code('GRANT_INVALID', /reason/));
  assert.throws(() => checkAccessRequest({ ...ask, durationSeconds: 60 }, ctx()), code('GRANT_INVALID', /5 minutes to 8 hours/));
  assert.throws(() => checkAccessRequest({ ...ask, durationSeconds: 8 * 3600 + 1 }, ctx()), code('GRANT_INVALID', /8 hours/));
  assert.throws(() => checkAccessRequest({ ...ask, durationSeconds: 1.5 * 3600 + 0.5 }, ctx()), code('GRANT_INVALID'));
  assert.throws(() => checkAccessRequest(ask, ctx({ pending: [{ roleId: '444455556666/Operator' }] })), code('GRANT_INVALID', /already have a pending request/));
  const five = Array.from({ length: 5 }, (_, i) => ({ roleId: `x/${i}` }));
  assert.throws(() => checkAccessRequest(ask, ctx({ pending: five })), code('GRANT_INVALID', /at most 5/));
});

test('issue 12 §8: the duration bounds are inclusive — 5 minutes and the configured maximum may be asked for', () => {
  assert.equal(checkAccessRequest({ ...ask, durationSeconds: 300 }, ctx()).durationSeconds, 300);
  assert.equal(checkAccessRequest({ ...ask, durationSeconds: 8 * 3600 }, ctx()).durationSeconds, 8 * 3600);
  assert.throws(() => checkAccessRequest({ ...ask, durationSeconds: 299 }, ctx()), code('GRANT_INVALID', /^ask for 5 minutes to 8 hours$/));
  assert.throws(() => checkAccessRequest({ ...ask, durationSeconds: 9 * 3600 }, ctx({ maxDurationSeconds: 8.5 * 3600 })), code('GRANT_INVALID', /^ask for 5 minutes to 8 hours$/), 'whole hours, rounded down');
});

test('issue 12 §8: a pending request for the same role is refused wherever it sits in the list; four others still allow one more', () => {
  const others = Array.from({ length: 4 }, (_, i) => ({ roleId: `x/${i}` }));
  assert.throws(() => checkAccessRequest(ask, ctx({ pending: [others[0]!, { roleId: ask.roleId }] })), code('GRANT_INVALID', /^you already have a pending request for this role$/));
  assert.equal(checkAccessRequest(ask, ctx({ pending: others })).status, 'pending');
  assert.throws(() => checkAccessRequest(ask, ctx({ pending: [...others, { roleId: 'x/4' }] })), code('GRANT_INVALID', /^at most 5 requests can wait for approval at once$/));
});

test('issue 12 §8: a role that cannot be requested is refused with a public reason that does not echo the id, and the log keeps at most 200 characters of it', () => {
  const long = `111122223333/${'A'.repeat(300)}`;
  assert.throws(() => checkAccessRequest({ ...ask, roleId: long }, ctx()), (e: unknown) =>
    code('GRANT_ROLE_UNKNOWN', /^this role cannot be requested$/)(e) && (e as GatewayError).message === `role ${long.slice(0, 200)} is not requestable`);
});
