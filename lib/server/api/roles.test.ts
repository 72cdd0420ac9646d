import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXAMPLE_CONFIG_YAML } from '../../core/config/fixtures';
import { parseConfigText } from '../../core/config/parse';
import type { IdentityClaims } from '../../core/types';
import type { Grant } from '../../core/policy/grants';
import { heldApiRoles } from './roles';

const config = parseConfigText(EXAMPLE_CONFIG_YAML);
const now = new Date('2026-05-01T10:00:00Z');
const grantedApiRoles = (cfg: typeof config, c: IdentityClaims, grants: Grant[] = []) => heldApiRoles({ config: cfg, grants: async () => grants, now: () => now }, c, 'u-1');
const claims = (groups: string[]): IdentityClaims => ({ idpId: 'okta', issuer: 'https://example.okta.com', subject: 's', emailVerified: false, groups, extra: {} });

test('lists exactly the granted roles with the fields the CLI needs', async () => {
  const roles = await grantedApiRoles(config, claims(['aws-dev-admins']));
  const admin = roles.find((r) => r.id === '111122223333/Admin');
  assert.deepEqual(admin && { ...admin, description: undefined }, {
    id: '111122223333/Admin', accountId: '111122223333', accountAlias: 'dev', roleName: 'Admin', arn: 'arn:aws:iam::111122223333:role/Admin',
    region: 'eu-west-1', partition: 'aws', delivery: 'web-identity', maxSessionDurationSeconds: 3600, profile: 'dev-Admin', description: undefined,
  });
  assert.ok(!roles.some((r) => r.id === '444455556666/Operator'));
});

test('no matching group → no roles (deny by default)', async () => {
  assert.deepEqual(await grantedApiRoles(config, claims([])), []);
  assert.deepEqual(await grantedApiRoles(config, claims(['someone-elses-group'])), []);
});

test('a role held through an active grant carries its end, time left and reason; an ended one is not listed', async () => {
  const grant: Grant = {
    id: 'g-1', roleId: '444455556666/Operator', userId: 'u-1', reason: 'incident 42', requestedBy: 'u-admin', requestedAt: now,
    startsAt: now, durationSeconds: 7500, requiredApprovals: 0, status: 'active', activatedAt: now, approvals: [],
  };
  const [operator] = await grantedApiRoles(config, claims([]), [grant]);
  assert.deepEqual(operator?.grant, { id: 'g-1', endsAt: '2026-05-01T12:05:00.000Z', remaining: '2 h 5 min left', reason: 'incident 42' });
  assert.equal(operator?.maxSessionDurationSeconds, 7200, 'the role maximum (the grant has longer left)');
  assert.deepEqual(await grantedApiRoles(config, claims([]), [{ ...grant, revokedAt: now, status: 'revoked' }]), []);
});
