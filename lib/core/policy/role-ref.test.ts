import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { parseConfigText } from '../config/parse';
import { resolveRoleRef } from './role-ref';

const { roles } = parseConfigText(EXAMPLE_CONFIG_YAML);

test('an id, an ARN or alias/RoleName resolve to the role id', () => {
  assert.equal(resolveRoleRef(roles, '111122223333/Admin'), '111122223333/Admin');
  assert.equal(resolveRoleRef(roles, 'arn:aws:iam::111122223333:role/Admin'), '111122223333/Admin');
  assert.equal(resolveRoleRef(roles, 'dev/Admin'), '111122223333/Admin');
});

test('anything else passes through unchanged, to be refused by the policy re-check', () => {
  for (const ref of ['dev/admin', 'DEV/Admin', 'arn:aws:iam::111122223333:role/Admin ', 'arn:aws:iam::999999999999:role/Admin', 'dev-Admin', '']) {
    assert.equal(resolveRoleRef(roles, ref), ref);
    assert.equal(roles.has(ref), false);
  }
});

test('issue 12 §8: an exact role id wins over another account whose alias reads like that id', () => {
  // Account 444455556666 took the alias "111122223333": "111122223333/Admin" is still the role of that id.
  const other = { ...roles.get('444455556666/Operator')!, id: '444455556666/Admin', accountAlias: '111122223333', roleName: 'Admin', arn: 'arn:aws:iam::444455556666:role/Admin' };
  const clash = new Map([[other.id, other], ...roles]);
  assert.equal(resolveRoleRef(clash, '111122223333/Admin'), '111122223333/Admin');
  assert.equal(resolveRoleRef(clash, 'arn:aws:iam::444455556666:role/Admin'), '444455556666/Admin');
});
