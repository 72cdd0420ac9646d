import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../core/errors';
import { parseRoleRequest } from './role-request';

const badRequest = (field: string) => (e: unknown) => e instanceof GatewayError && e.code === 'BAD_REQUEST' && (e.publicDetail ?? '').startsWith(field);

test('accepts a role reference with an optional service and region; empty fields mean absent', () => {
  assert.deepEqual(parseRoleRequest({ roleId: 'dev/Admin', service: 's3', region: 'us-gov-west-1' }), { roleId: 'dev/Admin', service: 's3', region: 'us-gov-west-1' });
  assert.deepEqual(parseRoleRequest({ roleId: 'arn:aws:iam::111122223333:role/Admin', service: '', region: '' }), { roleId: 'arn:aws:iam::111122223333:role/Admin', service: undefined, region: undefined });
});

test('rejects a missing or oversized role, a bad service and a region that is no AWS region name', () => {
  assert.throws(() => parseRoleRequest({}), badRequest('roleId'));
  assert.throws(() => parseRoleRequest({ roleId: 'x'.repeat(201) }), badRequest('roleId'));
  assert.throws(() => parseRoleRequest({ roleId: 42 }), badRequest('roleId'));
  assert.throws(() => parseRoleRequest({ roleId: 'dev/Admin', service: '../iam' }), badRequest('service'));
  for (const region of ['EU-WEST-1', 'eu-west', 'eu-west-1/../x', 'eu-west-1?x=1', 'eu west 1']) {
    assert.throws(() => parseRoleRequest({ roleId: 'dev/Admin', region }), badRequest('region'), region);
  }
});
