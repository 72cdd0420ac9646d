import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { applyClientIp } from './forwarded-headers';

/** The two fields applyClientIp reads; a real IncomingMessage needs a connected socket. */
function request(headers: IncomingMessage['headers'], remoteAddress: string | undefined): IncomingMessage {
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

const FORGED = {
  'x-forwarded-for': '203.0.113.66',
  'x-real-ip': '203.0.113.67',
  forwarded: 'for=203.0.113.68;proto=https',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-proto': 'https',
  'x-forwarded-port': '443',
  host: 'rolegate.example.com',
};

test('0 hops: forged client-IP and forwarding headers are replaced by the socket peer', () => {
  const req = request({ ...FORGED }, '::ffff:198.51.100.7');
  applyClientIp(req, 0);
  assert.deepEqual(req.headers, { 'x-forwarded-for': '198.51.100.7', host: 'rolegate.example.com' });
});

test('1 hop: X-Forwarded-For becomes the one address our proxy saw; its Host/Proto headers stay', () => {
  const fromProxy = { 'x-forwarded-host': 'rolegate.example.com', 'x-forwarded-proto': 'https', 'x-forwarded-port': '443', host: 'rolegate.internal' };
  const req = request({ ...FORGED, ...fromProxy, 'x-forwarded-for': '203.0.113.66, 198.51.100.7' }, '10.0.0.2');
  applyClientIp(req, 1);
  assert.deepEqual(req.headers, { ...fromProxy, 'x-forwarded-for': '198.51.100.7' });
});

test('an address that cannot be decided is written as empty, so Next cannot fill in the proxy address', () => {
  const req = request({ 'x-forwarded-for': '203.0.113.66, unknown' }, '10.0.0.2');
  applyClientIp(req, 1);
  assert.equal(req.headers['x-forwarded-for'], '');
});
