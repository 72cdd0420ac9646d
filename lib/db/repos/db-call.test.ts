/** dbCall's mapping of driver errors to GatewayError codes (issue 14 §3: a lost serialisable race is DB_CONFLICT). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Prisma } from '../generated/sqlite/client';
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

test('issue 14 §3: a raw query (P2010) that could not reach the database is DB_UNAVAILABLE; other raw failures stay INTERNAL', () => {
  const raw = (cause: Record<string, unknown>) =>
    new Prisma.PrismaClientKnownRequestError('Raw query failed', { code: 'P2010', clientVersion: 'test', meta: { driverAdapterError: { name: 'DriverAdapterError', cause } } });
  for (const kind of ['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'AuthenticationFailed']) {
    assert.equal(toGatewayError('op', raw({ kind, host: '127.0.0.1', port: 5432 })).code, 'DB_UNAVAILABLE', kind);
  }
  assert.equal(toGatewayError('op', raw({ kind: 'TableDoesNotExist', table: 'x' })).code, 'INTERNAL');
  assert.equal(toGatewayError('op', raw({ kind: 'postgres', originalCode: '42601' })).code, 'INTERNAL');
  assert.equal(toGatewayError('op', new Prisma.PrismaClientKnownRequestError('x', { code: 'P2010', clientVersion: 'test' })).code, 'INTERNAL');
});

test('issue 14 §5: a connection lost under a query is DB_UNAVAILABLE — a silent socket close, or PostgreSQL ending it', async () => {
  // node-postgres, when the socket closes mid-query (a crashed server, a network cut): a plain Error.
  assert.equal(toGatewayError('op', new Error('Connection terminated unexpectedly')).code, 'DB_UNAVAILABLE');
  // Inside a transaction the adapter's error arrives as is; outside one, Prisma wraps it (P2039 here).
  for (const originalCode of ['57P01', '57P02', '57P03', '08006', '08003']) {
    assert.equal(toGatewayError('op', adapterError({ kind: 'postgres', originalCode })).code, 'DB_UNAVAILABLE', originalCode);
    const wrapped = new Prisma.PrismaClientKnownRequestError('Database error', { code: 'P2039', clientVersion: 'x', meta: { driverAdapterError: adapterError({ kind: 'postgres', originalCode }) } });
    assert.equal(toGatewayError('op', wrapped).code, 'DB_UNAVAILABLE', `wrapped ${originalCode}`);
  }
  // Other database errors are not an outage.
  const notNull = new Prisma.PrismaClientKnownRequestError('Database error', { code: 'P2039', clientVersion: 'x', meta: { driverAdapterError: adapterError({ kind: 'postgres', originalCode: '42P01' }) } });
  assert.equal(toGatewayError('op', notNull).code, 'INTERNAL');
  assert.equal(toGatewayError('op', adapterError({ kind: 'postgres', originalCode: '57014' })).code, 'INTERNAL', 'a cancelled statement');
  assert.equal(toGatewayError('op', new Error('the connection string is invalid')).code, 'INTERNAL');
  assert.equal(toGatewayError('op', new Error('Query terminated: Connection terminated unexpectedly')).code, 'INTERNAL', 'only the driver’s own wording');
});
