import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientIp, normaliseIp } from './client-ip';

const ip = (forwardedFor: string | string[] | undefined, peer: string | undefined, hops: number) => clientIp({ forwardedFor, peer }, hops);

test('0 hops: the TCP peer, whatever X-Forwarded-For says', () => {
  assert.equal(ip(undefined, '198.51.100.7', 0), '198.51.100.7');
  assert.equal(ip('203.0.113.66', '198.51.100.7', 0), '198.51.100.7');
  assert.equal(ip('203.0.113.66, 10.0.0.1', '::ffff:198.51.100.7', 0), '198.51.100.7');
  assert.equal(ip(['203.0.113.66', '203.0.113.67'], '::1', 0), '::1');
});

test('1 hop: the entry our proxy appended (the rightmost); client-written entries to its left are ignored', () => {
  // The client sent "203.0.113.66"; our proxy at 10.0.0.2 appended the address it saw.
  assert.equal(ip('203.0.113.66, 198.51.100.7', '10.0.0.2', 1), '198.51.100.7');
  assert.equal(ip('198.51.100.7', '10.0.0.2', 1), '198.51.100.7');
  // Repeated headers arrive joined, or as a list: the position counts either way.
  assert.equal(ip(['203.0.113.66', '198.51.100.7'], '10.0.0.2', 1), '198.51.100.7');
});

test('2 hops: the second entry from the right (CDN → load balancer → Rolegate)', () => {
  assert.equal(ip('203.0.113.66, 203.0.113.67, 198.51.100.7, 192.0.2.10', '10.0.0.2', 2), '198.51.100.7');
  assert.equal(ip('198.51.100.7, 192.0.2.10', '10.0.0.2', 2), '198.51.100.7');
});

test('a chain shorter than the hops (fewer proxies than configured): the leftmost entry, as Express', () => {
  assert.equal(ip('198.51.100.7', '10.0.0.2', 2), '198.51.100.7');
  assert.equal(ip(undefined, '10.0.0.2', 1), '10.0.0.2');
  assert.equal(ip('', '10.0.0.2', 3), '10.0.0.2');
});

test('rejects: the address at the trusted position is not an address, or there is no peer', () => {
  assert.equal(ip('203.0.113.66, unknown', '10.0.0.2', 1), undefined, 'not 203.0.113.66: no falling back to the left');
  assert.equal(ip('203.0.113.66, ', '10.0.0.2', 1), undefined);
  assert.equal(ip('203.0.113.66,_hidden', '10.0.0.2', 1), undefined, 'RFC 7239 obfuscated identifier');
  assert.equal(ip('203.0.113.66', undefined, 0), undefined);
  assert.equal(ip('203.0.113.66', undefined, 1), undefined, 'without the peer the hops cannot be counted');
});

test('a malformed entry left of the trusted position changes nothing', () => {
  assert.equal(ip('<script>, ,, 999.1.1.1, 198.51.100.7', '10.0.0.2', 1), '198.51.100.7');
});

test('rejects a hop count that is not a whole number ≥ 0', () => {
  for (const bad of [-1, 1.5, Number.NaN]) assert.throws(() => ip(undefined, '10.0.0.2', bad), { name: 'GatewayError', code: 'CONFIG_INVALID' });
});

test('normalises IPv6 to one spelling and IPv4-mapped addresses to IPv4', () => {
  assert.equal(normaliseIp('::ffff:127.0.0.1'), '127.0.0.1');
  assert.equal(normaliseIp('::FFFF:7f00:1'), '127.0.0.1');
  assert.equal(normaliseIp('0:0:0:0:0:ffff:c633:6407'), '198.51.100.7');
  assert.equal(normaliseIp('2001:DB8:0:0:0:0:0:1'), '2001:db8::1');
  assert.equal(normaliseIp('[2001:db8::1]'), '2001:db8::1');
  assert.equal(normaliseIp('[2001:db8::1]:443'), '2001:db8::1');
  assert.equal(normaliseIp('fe80::1%eth0'), 'fe80::1');
  assert.equal(normaliseIp(' 198.51.100.7 '), '198.51.100.7');
  assert.equal(normaliseIp('198.51.100.7:52311'), '198.51.100.7', 'Azure Application Gateway appends the port');
});

test('normaliseIp rejects what is not one IP address', () => {
  const bad = [undefined, '', ' ', 'unknown', 'localhost', 'rolegate.example.com', '_hidden', '1.2.3', '01.2.3.4', '256.1.1.1', '0x7f.0.0.1',
    '1.2.3.4, 5.6.7.8', '1.2.3.4 5.6.7.8', '[1.2.3.4]x', '::ffff:1.2.3.4.5', '2001:db8::1::2', `${'1'.repeat(101)}`, '1.2.3.4:99999999', '[::1'];
  for (const value of bad) assert.equal(normaliseIp(value), undefined, String(value));
});
