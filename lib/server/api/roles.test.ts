import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXAMPLE_CONFIG_YAML } from '../../core/config/fixtures';
import { parseConfigText } from '../../core/config/parse';
import type { IdentityClaims } from '../../core/types';
import { grantedApiRoles } from './roles';

const config = parseConfigText(EXAMPLE_CONFIG_YAML);
const claims = (groups: string[]): IdentityClaims => ({ idpId: 'okta', issuer: 'https://example.okta.com', subject: 's', emailVerified: false, groups, extra: {} });

test('lists exactly the granted roles with the fields the CLI needs', () => {
  const roles = grantedApiRoles(config, claims(['aws-dev-admins']));
  const admin = roles.find((r) => r.id === '111122223333/Admin');
  assert.deepEqual(admin && { ...admin, description: undefined }, {
    id: '111122223333/Admin', accountId: '111122223333', accountAlias: 'dev', roleName: 'Admin', arn: 'arn:aws:iam::111122223333:role/Admin',
    region: 'eu-west-1', partition: 'aws', delivery: 'web-identity', maxSessionDurationSeconds: 3600, profile: 'dev-Admin', description: undefined,
  });
  assert.ok(!roles.some((r) => r.id === '444455556666/Operator'));
});

test('no matching group → no roles (deny by default)', () => {
  assert.deepEqual(grantedApiRoles(config, claims([])), []);
  assert.deepEqual(grantedApiRoles(config, claims(['someone-elses-group'])), []);
});
