import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestMeta } from './request-meta';

test('reads the one address the server wrote into X-Forwarded-For', () => {
  assert.deepEqual(requestMeta(new Headers({ 'x-forwarded-for': '198.51.100.7', 'user-agent': 'rolegate-cli/0.1' })), { ip: '198.51.100.7', userAgent: 'rolegate-cli/0.1' });
  assert.equal(requestMeta(new Headers({ 'x-forwarded-for': '::ffff:198.51.100.7' })).ip, '198.51.100.7');
});

test('a list, a non-address or X-Real-IP is unknown, never the first entry a client wrote', () => {
  const cases: Record<string, string>[] = [{ 'x-forwarded-for': '203.0.113.66, 198.51.100.7' }, { 'x-forwarded-for': 'unknown' }, { 'x-forwarded-for': '' }, { 'x-real-ip': '203.0.113.66' }, {}];
  for (const headers of cases) {
    assert.equal(requestMeta(new Headers(headers)).ip, undefined, JSON.stringify(headers));
  }
});

test('the user agent is cut at 512 characters', () => {
  assert.equal(requestMeta(new Headers({ 'user-agent': 'x'.repeat(600) })).userAgent?.length, 512);
});
