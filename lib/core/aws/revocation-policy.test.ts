import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../errors';
import { revokeOlderSessionsDocument, withRevokedSourceIdentity } from './revocation-policy';
import { sourceIdentityFor } from './session-name';

const at = new Date('2031-05-01T12:00:00.123Z');

test('AWSRevokeOlderSessions is the IAM console’s document, its time rounded up to the second', () => {
  assert.deepEqual(JSON.parse(revokeOlderSessionsDocument(at)), {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: ['*'], Resource: ['*'], Condition: { DateLessThan: { 'aws:TokenIssueTime': '2031-05-01T12:00:01Z' } } }],
  });
  const whole = new Date('2031-05-01T12:00:00.000Z');
  assert.match(revokeOlderSessionsDocument(whole), /"2031-05-01T12:00:00Z"/, 'a whole second stays as it is');
});

test('one statement per SourceIdentity: a second revocation of the same person moves the time, others stay', () => {
  const one = withRevokedSourceIdentity(undefined, 'ann@example.com', at);
  const two = withRevokedSourceIdentity(one, 'bob@example.com', new Date(at.getTime() + 60_000));
  const again = withRevokedSourceIdentity(two, 'ann@example.com', new Date(at.getTime() + 120_000));
  const st = (JSON.parse(again) as { Statement: { Sid: string; Condition: { DateLessThan: Record<string, string>; StringEquals: Record<string, string> } }[] }).Statement;
  assert.deepEqual(st.map((s) => [s.Condition.StringEquals['aws:SourceIdentity'], s.Condition.DateLessThan['aws:TokenIssueTime']]), [
    ['bob@example.com', '2031-05-01T12:01:01Z'],
    ['ann@example.com', '2031-05-01T12:02:01Z'],
  ]);
  assert.ok(st.every((s) => /^Revoke[0-9a-f]{24}$/.test(s.Sid)));
});

test('statements older than 12 hours are pruned: every session they could deny has expired', () => {
  const old = withRevokedSourceIdentity(undefined, 'old@example.com', new Date(at.getTime() - 13 * 3600_000));
  const recent = withRevokedSourceIdentity(old, 'recent@example.com', new Date(at.getTime() - 11 * 3600_000));
  const now = JSON.parse(withRevokedSourceIdentity(recent, 'new@example.com', at)) as { Statement: { Condition: { StringEquals: Record<string, string> } }[] };
  assert.deepEqual(now.Statement.map((s) => s.Condition.StringEquals['aws:SourceIdentity']), ['recent@example.com', 'new@example.com']);
});

test('a document that would pass IAM’s inline limit is refused with a typed error; an unreadable one is rewritten', () => {
  let doc: string | undefined;
  assert.throws(() => {
    for (let i = 0; i < 100; i++) doc = withRevokedSourceIdentity(doc, `user${i}@example.com`, at);
  }, (e: unknown) => e instanceof GatewayError && e.code === 'REVOCATION_FAILED');
  assert.equal((JSON.parse(withRevokedSourceIdentity('{not json', 'ann@example.com', at)) as { Statement: unknown[] }).Statement.length, 1);
});

test('issue 12 §2: revoking one person’s sessions never denies another’s (formerly colliding SourceIdentities)', () => {
  const uid = '3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b';
  const person = (idpId: string, email: string) => sourceIdentityFor({ idpId, email, emailVerified: true, userId: uid });
  const pairs: [string, string][] = [
    [person('okta', '山田@example.jp'), person('okta', '佐藤@example.jp')],
    [person('okta', 'ａｌｉｃｅ@example.com'), person('okta', 'alice@example.com')],
    [person('okta', `${'a'.repeat(70)}@example.com`), person('okta', `${'a'.repeat(70)}@example.org`)],
    [person('okta', 'alice@example.com'), person('google', 'alice@example.com')],
  ];
  for (const [revoked, other] of pairs) {
    const doc = JSON.parse(withRevokedSourceIdentity(undefined, revoked, at)) as { Statement: { Condition: { StringEquals: Record<string, string> } }[] };
    const denied = doc.Statement.map((s) => s.Condition.StringEquals['aws:SourceIdentity']);
    assert.deepEqual(denied, [revoked]);
    assert.ok(!denied.includes(other), `revoking ${revoked} also denies ${other}`);
  }
});
