import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IdentityClaims } from '../types';
import { isAdmin } from './admin';

const admins = { emails: [{ idp: 'okta', email: 'root@example.com' }], groups: [{ idp: 'okta', group: 'rolegate-admins' }] };
const who = (over: Partial<IdentityClaims>): IdentityClaims => ({ idpId: 'okta', issuer: 'i', subject: 's', emailVerified: true, groups: [], extra: {}, ...over });

test('bootstrap admins by verified email, admin groups only at their own IdP, nobody else', () => {
  assert.equal(isAdmin(who({ email: 'root@example.com' }), admins), true);
  assert.equal(isAdmin(who({ email: 'root@example.com', emailVerified: false }), admins), false);
  assert.equal(isAdmin(who({ groups: ['rolegate-admins'] }), admins), true);
  assert.equal(isAdmin(who({ idpId: 'adfs', groups: ['rolegate-admins'] }), admins), false);
  assert.equal(isAdmin(who({ email: 'someone@example.com', groups: ['aws-dev-admins'] }), admins), false);
  assert.equal(isAdmin(who({ email: 'root@example.com' }), { emails: [], groups: [] }), false);
});

test('issue 12 §1: a bootstrap admin email counts only when verified by the IdP named for it', () => {
  // An Okta-shaped user who typed root's address into their profile (no email_verified: true).
  assert.equal(isAdmin(who({ email: 'root@example.com', emailVerified: false }), admins), false);
  // The same address, verified, but by another IdP: another identity.
  assert.equal(isAdmin(who({ idpId: 'google', email: 'root@example.com' }), admins), false);
  assert.equal(isAdmin(who({ idpId: 'okta', email: 'ROOT@example.com' }), admins), true);
});
