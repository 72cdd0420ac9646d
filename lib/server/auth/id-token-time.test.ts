/** Issue 14 §5: an ID token issued in the future (an IdP clock ahead) is refused beyond the tolerance. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../../core/errors';
import { assertIssuedByNow, ID_TOKEN_CLOCK_TOLERANCE_SECONDS } from './id-token-time';

const now = new Date('2031-05-06T07:08:09.500Z');
const nowSec = Math.floor(now.getTime() / 1000);

test('an iat up to the tolerance ahead (or in the past) passes; one second more is OIDC_TOKEN_NOT_YET_VALID', () => {
  for (const iat of [nowSec - 3600, nowSec, nowSec + ID_TOKEN_CLOCK_TOLERANCE_SECONDS]) {
    assert.doesNotThrow(() => assertIssuedByNow({ iat }, now), String(iat - nowSec));
  }
  assert.throws(
    () => assertIssuedByNow({ iat: nowSec + ID_TOKEN_CLOCK_TOLERANCE_SECONDS + 1, sub: 'x' }, now),
    (e: unknown) => e instanceof GatewayError && e.code === 'OIDC_TOKEN_NOT_YET_VALID' && /11 s ahead/.test(e.message),
  );
  assert.throws(() => assertIssuedByNow({ iat: nowSec + 600 }, now), (e: unknown) => e instanceof GatewayError && e.code === 'OIDC_TOKEN_NOT_YET_VALID');
});

test('claims without a numeric iat are left to openid-client, which requires one', () => {
  for (const claims of [undefined, null, 'x', {}, { iat: String(nowSec + 600) }]) {
    assert.doesNotThrow(() => assertIssuedByNow(claims, now), JSON.stringify(claims));
  }
});
