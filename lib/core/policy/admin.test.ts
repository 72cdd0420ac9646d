import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IdentityClaims } from '../types';
import { isAdmin } from './admin';

const admins = { emails: ['root@example.com'], groups: [{ idp: 'okta', group: 'rolegate-admins' }] };
const who = (over: Partial<IdentityClaims>): IdentityClaims => ({ idpId: 'okta', issuer: 'i', subject: 's', emailVerified: true, groups: [], extra: {}, ...over });

test('bootstrap admins by verified email, admin groups only at their own IdP, nobody else', () => {
  assert.equal(isAdmin(who({ email: 'root@example.com' }), admins), true);
  assert.equal(isAdmin(who({ email: 'root@example.com', emailVerified: false }), admins), false);
  assert.equal(isAdmin(who({ groups: ['rolegate-admins'] }), admins), true);
  assert.equal(isAdmin(who({ idpId: 'adfs', groups: ['rolegate-admins'] }), admins), false);
  assert.equal(isAdmin(who({ email: 'someone@example.com', groups: ['aws-dev-admins'] }), admins), false);
  assert.equal(isAdmin(who({ email: 'root@example.com' }), { emails: [], groups: [] }), false);
});
