/**
 * Switching things off (issue 5 §2 "disable"): a disabled rule grants nothing, a disabled account's roles
 * are never held (by rule or grant), and a session from a disabled or removed connection holds nothing.
 * Each is checked where the decision is made, so every path (portal, CLI, console) inherits it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectionEnabled, parseConfigText } from '../config/parse';
import { EXAMPLE_CONFIG_YAML } from '../config/fixtures';
import { findHeldRole, heldRoles } from '../issuance/held-roles';
import type { Grant } from './grants';
import type { IdentityClaims } from '../types';
import { evaluatePolicy } from './evaluate';

const T0 = new Date('2026-05-01T10:00:00Z');
const alice: IdentityClaims = { idpId: 'okta', issuer: 'https://example.okta.com', subject: 's1', email: 'alice@example.com', emailVerified: true, groups: ['aws-dev-admins'], extra: {} };
const grant: Grant = {
  id: 'g-1', roleId: '444455556666/Operator', userId: 'u-alice', reason: 'incident', requestedBy: 'u-bob', requestedAt: T0, startsAt: T0,
  durationSeconds: 7200, requiredApprovals: 0, status: 'active', activatedAt: T0, approvals: [],
};

function withEdit(edit: (yaml: string) => string) {
  return parseConfigText(edit(EXAMPLE_CONFIG_YAML));
}
const deps = (config: ReturnType<typeof parseConfigText>) => ({ config, grants: async () => [grant], now: () => T0 });

test('the example config, nothing disabled: alice holds her rule roles and the granted Operator role', async () => {
  const held = (await heldRoles(deps(parseConfigText(EXAMPLE_CONFIG_YAML)), alice, 'u-alice')).map((h) => h.role.id);
  assert.deepEqual(held, ['111122223333/Admin', '111122223333/ReadOnly', '444455556666/Operator', '444455556666/ReadOnly']);
});

test('a disabled rule matches nobody, and the roles only it granted are gone', () => {
  const config = withEdit((y) => y.replace('  - id: dev-admins\n', '  - id: dev-admins\n    disabled: true\n'));
  const ids = evaluatePolicy(alice, config.rules, config.roles).map((g) => g.role.id);
  assert.deepEqual(ids, ['111122223333/ReadOnly', '444455556666/ReadOnly']);
  assert.equal(config.rules.find((r) => r.id === 'dev-admins')?.disabled, true, 'the rule is kept, so it can be switched back on');
});

test('a disabled account: rules naming its roles still validate, but neither rules nor grants give its roles', async () => {
  const config = withEdit((y) => y.replace('    alias: prod\n', '    alias: prod\n    disabled: true\n'));
  assert.equal(config.roles.has('444455556666/Operator'), false);
  assert.equal(config.accounts.find((a) => a.alias === 'prod')?.disabled, true);
  const held = (await heldRoles(deps(config), alice, 'u-alice')).map((h) => h.role.id);
  assert.deepEqual(held, ['111122223333/Admin', '111122223333/ReadOnly']);
  assert.equal(await findHeldRole(deps(config), alice, 'u-alice', '444455556666/Operator'), undefined);
});

test('a session from a disabled connection holds nothing, by rule or by grant', async () => {
  const config = withEdit((y) => y.replace('  - id: okta\n', '  - id: okta\n    disabled: true\n'));
  assert.equal(connectionEnabled(config, 'okta'), false);
  assert.equal(connectionEnabled(config, 'google'), true);
  assert.deepEqual(await heldRoles(deps(config), alice, 'u-alice'), []);
  assert.equal(await findHeldRole(deps(config), alice, 'u-alice', '111122223333/Admin'), undefined);
  assert.equal(await findHeldRole(deps(config), alice, 'u-alice', '444455556666/Operator'), undefined);
});

test('deny by default: a session from a connection no longer in the config holds nothing', async () => {
  const config = parseConfigText(EXAMPLE_CONFIG_YAML);
  assert.equal(connectionEnabled(config, 'retired-okta'), false);
  assert.deepEqual(await heldRoles(deps(config), { ...alice, idpId: 'retired-okta' }, 'u-alice'), []);
});

test('disabled must be a boolean', () => {
  assert.throws(() => withEdit((y) => y.replace('  - id: dev-admins\n', '  - id: dev-admins\n    disabled: "yes"\n')), /rules\[0\]\.disabled/);
});
