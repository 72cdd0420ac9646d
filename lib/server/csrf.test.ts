import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../core/errors';
import { assertSameOrigin } from './csrf';

const ours = 'https://rolegate.example.com';
const check = (h: Record<string, string>) => () => assertSameOrigin(new Headers(h), ours);
const csrf = (e: unknown) => e instanceof GatewayError && e.code === 'CSRF_REJECTED';

test('accepts same-origin fetches and form posts (Origin: null under no-referrer)', () => {
  assert.doesNotThrow(check({ 'sec-fetch-site': 'same-origin', origin: ours }));
  assert.doesNotThrow(check({ 'sec-fetch-site': 'same-origin', origin: 'null' }));
  assert.doesNotThrow(check({ origin: ours }));
});

test('rejects cross-site, same-site and missing signals', () => {
  assert.throws(check({ 'sec-fetch-site': 'cross-site', origin: ours }), csrf);
  assert.throws(check({ 'sec-fetch-site': 'same-site', origin: 'https://app.example.com' }), csrf);
  assert.throws(check({ 'sec-fetch-site': 'none' }), csrf);
  assert.throws(check({ 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' }), csrf);
  assert.throws(check({ origin: 'https://evil.example' }), csrf);
  assert.throws(check({ origin: 'null' }), csrf);
  assert.throws(check({}), csrf);
});
