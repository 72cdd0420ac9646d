import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expiryOf } from './metadata-expiry';

test('expired at or after the instant, "soon" within 30 days, else ok', () => {
  const now = new Date('2031-01-01T00:00:00Z');
  const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
  assert.equal(expiryOf(days(-1), now), 'expired');
  assert.equal(expiryOf(now, now), 'expired');
  assert.equal(expiryOf(days(29.9), now), 'soon');
  assert.equal(expiryOf(days(30), now), 'ok');
  assert.equal(expiryOf(days(365), now), 'ok');
});
