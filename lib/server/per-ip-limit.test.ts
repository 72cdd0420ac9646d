/** Issue 12 §6: a flood of unauthenticated SAML requests from one address gets 429 RATE_LIMITED with Retry-After. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ipBucket, takeIpToken } from './per-ip-limit';
import { createRateLimiter } from './rate-limit';

const from = (ip: string) => new Headers({ 'x-forwarded-for': ip });

test('a flood from one address: the burst passes, then 429 RATE_LIMITED with Retry-After, no-store', async () => {
  let t = 0;
  const limiter = createRateLimiter({ capacity: 30, refillPerSecond: 0.5, now: () => t });
  const answers: (Response | undefined)[] = [];
  for (let i = 0; i < 1000; i++) answers.push(await takeIpToken(limiter, 'saml-login', from('203.0.113.7')));
  assert.equal(answers.filter((a) => a === undefined).length, 30, 'thirty of a thousand get through');
  const refused = answers[30];
  assert.ok(refused);
  assert.equal(refused.status, 429);
  assert.equal(refused.headers.get('retry-after'), '2');
  assert.match(refused.headers.get('cache-control') ?? '', /no-store/);
  assert.deepEqual(await refused.json(), { error: { code: 'RATE_LIMITED', message: 'Too many requests. Please wait a moment and try again.' } });
  assert.equal(await takeIpToken(limiter, 'saml-login', from('198.51.100.1')), undefined, 'another address is not affected');
  assert.equal(await takeIpToken(limiter, 'saml-acs', from('203.0.113.7')), undefined, 'another endpoint has its own bucket');
  t = 2_000;
  assert.equal(await takeIpToken(limiter, 'saml-login', from('203.0.113.7')), undefined, 'after Retry-After one more passes');
});

test('IPv6 addresses count by their /64; requests without an address share one bucket', async () => {
  assert.equal(ipBucket('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(ipBucket('2001:db8:1:2::ffff'), '2001:db8:1:2::/64');
  assert.equal(ipBucket('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(ipBucket('::1'), '0:0:0:0::/64');
  assert.equal(ipBucket('203.0.113.7'), '203.0.113.7');
  assert.equal(ipBucket(undefined), 'unknown');
  const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 0.001, now: () => 0 });
  const answers: (Response | undefined)[] = [];
  for (const ip of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff:ffff:ffff:ffff']) answers.push(await takeIpToken(limiter, 'saml-acs', from(ip)));
  assert.equal(answers[2]?.status, 429, 'rotating addresses inside one /64 does not escape the limit');
  assert.equal((await takeIpToken(limiter, 'saml-acs', new Headers()))?.status, undefined);
  assert.equal(await takeIpToken(limiter, 'saml-acs', new Headers({ 'x-forwarded-for': 'garbage' })), undefined);
  assert.equal((await takeIpToken(limiter, 'saml-acs', new Headers()))?.status, 429, 'unknown addresses share one bucket');
});
