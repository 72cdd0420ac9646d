import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IssuedCredential } from './credential-store';
import { RolePolicyStore } from './role-policies';

const cred = (issuedAt: string, sourceIdentity?: string) => ({ accountId: '111122223333', roleName: 'Admin', issuedAt: Date.parse(issuedAt), sourceIdentity }) as IssuedCredential;
const deny = (condition: object) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: condition }] });

test('a SourceIdentity deny with a time condition cuts off only that identity’s older sessions', () => {
  const store = new RolePolicyStore();
  store.put('111122223333', 'Admin', 'RolegateRevokedSourceIdentities', deny({ StringEquals: { 'aws:SourceIdentity': 'ann@example.com' }, DateLessThan: { 'aws:TokenIssueTime': '2031-01-01T12:00:00Z' } }));
  assert.equal(store.deniesEverything(cred('2031-01-01T11:00:00Z', 'ann@example.com')), true);
  assert.equal(store.deniesEverything(cred('2031-01-01T13:00:00Z', 'ann@example.com')), false, 'a later session of the same person works');
  assert.equal(store.deniesEverything(cred('2031-01-01T11:00:00Z', 'bob@example.com')), false, 'another person is untouched');
  assert.equal(store.deniesEverything(cred('2031-01-01T11:00:00Z')), false, 'no SourceIdentity: the condition does not hold');
  assert.equal(store.deniesEverything({ ...cred('2031-01-01T11:00:00Z', 'ann@example.com'), roleName: 'Other' }), false, 'another role is untouched');
});

test('an Allow, a narrower Deny or a condition the emulator cannot evaluate never revokes', () => {
  const store = new RolePolicyStore();
  const base = { Version: '2012-10-17' };
  store.put('111122223333', 'Admin', 'a', JSON.stringify({ ...base, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }));
  store.put('111122223333', 'Admin', 'b', JSON.stringify({ ...base, Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] }));
  store.put('111122223333', 'Admin', 'c', deny({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }));
  assert.equal(store.deniesEverything(cred('2031-01-01T11:00:00Z', 'ann@example.com')), false);
});
