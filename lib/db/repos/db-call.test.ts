/** dbCall's mapping of driver errors to GatewayError codes (issue 14 §3: a lost serialisable race is DB_CONFLICT). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toGatewayError } from './db-call';

function adapterError(cause: Record<string, unknown>): Error {
  const e = new Error('adapter');
  e.name = 'DriverAdapterError';
  return Object.assign(e, { cause });
}

test('issue 14 §3: a PostgreSQL serialization failure or deadlock through the driver adapter is DB_CONFLICT (retryable)', () => {
  for (const cause of [{ kind: 'TransactionWriteConflict' }, { kind: 'postgres', originalCode: '40001' }, { kind: 'postgres', originalCode: '40P01' }]) {
    assert.equal(toGatewayError('op', adapterError(cause)).code, 'DB_CONFLICT', JSON.stringify(cause));
  }
  assert.equal(toGatewayError('op', adapterError({ kind: 'postgres', originalCode: '23502' })).code, 'INTERNAL');
  const notAdapter = Object.assign(new Error('x'), { cause: { kind: 'TransactionWriteConflict' } });
  assert.equal(toGatewayError('op', notAdapter).code, 'INTERNAL');
});
