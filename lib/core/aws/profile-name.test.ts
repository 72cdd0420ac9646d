import assert from 'node:assert/strict';
import { test } from 'node:test';
import { profileNameFor } from './profile-name';

test('alias-RoleName, with characters unsafe in an INI section replaced, at most 64 characters', () => {
  assert.equal(profileNameFor({ accountAlias: 'dev', roleName: 'Admin' }), 'dev-Admin');
  assert.equal(profileNameFor({ accountAlias: 'prod', roleName: 'a=b,c@d.e+f_g-h' }), 'prod-a-b-c@d.e+f_g-h');
  assert.equal(profileNameFor({ accountAlias: 'x', roleName: 'R'.repeat(64) }).length, 64);
});
