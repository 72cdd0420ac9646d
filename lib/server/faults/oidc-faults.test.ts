/**
 * Issue 14 §5, faults of an OIDC sign-in, through real next-auth and openid-client against the test IdP
 * behind a fault-injecting front (test-support/idp-front.ts), on PostgreSQL: the IdP's JWKS out of reach during the
 * callback, and the IdP's clock off beyond the tolerance. Each ends on Rolegate's error page with its
 * own code and creates no user, session or sign-in row; once the IdP is healthy the same person signs in.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isClientSafeCode, publicMessage } from '../../core/errors';
import { skipReason } from '../../db/test-support/databases';
import { RP_URL, startOidcStack } from './test-support/oidc-stack';

const errorPage = (code: string) => `${RP_URL}/error?error=${code}`;
const NOTHING = { users: 0, sessions: 0, signinsOk: 0 };

describe('issue 14 §5: OIDC sign-in faults [postgresql]', { skip: skipReason('postgresql') }, () => {
  test('the JWKS refused, reset, failing (503) or silent at the callback: OIDC_IDP_UNAVAILABLE, counted, nothing written', { timeout: 60_000 }, async (t) => {
    const s = await startOidcStack(t);
    for (const jwks of ['refused', 'reset', 503, 'hang'] as const) {
      s.front.faults = { jwks };
      assert.equal(await s.signIn('alice@example.com'), errorPage('OIDC_IDP_UNAVAILABLE'), String(jwks));
    }
    assert.ok(isClientSafeCode('OIDC_IDP_UNAVAILABLE'));
    assert.equal(publicMessage('OIDC_IDP_UNAVAILABLE'), 'Rolegate could not reach your identity provider, so you were not signed in. Please try again later.');
    assert.deepEqual(await s.counts(), { ...NOTHING, signinsFailed: 0 });
    assert.deepEqual(await s.failures(), ['OIDC_IDP_UNAVAILABLE okta 4']);
    s.front.faults = {};
    assert.equal(await s.signIn('alice@example.com'), `${RP_URL}/roles`, 'the IdP back: signed in');
    assert.deepEqual(await s.counts(), { users: 1, sessions: 1, signinsOk: 1, signinsFailed: 0 });
  });

  test("the IdP's clock off beyond 10 s: a token issued or valid only in the future is OIDC_TOKEN_NOT_YET_VALID, an expired one OIDC_TOKEN_EXPIRED; within 10 s it signs in", { timeout: 60_000 }, async (t) => {
    const s = await startOidcStack(t);
    // Ten minutes ahead, no nbf (as Okta and Google): openid-client accepts it; Rolegate's iat check does not.
    s.front.faults = { clock: { offsetSeconds: 600 } };
    assert.equal(await s.signIn('alice@example.com'), errorPage('OIDC_TOKEN_NOT_YET_VALID'));
    // Ten minutes ahead with nbf (as Entra): openid-client's nbf check.
    s.front.faults = { clock: { offsetSeconds: 600, nbf: true } };
    assert.equal(await s.signIn('alice@example.com'), errorPage('OIDC_TOKEN_NOT_YET_VALID'));
    // Fifteen minutes behind: the 5 minute token expired before it was issued, by Rolegate's clock.
    s.front.faults = { clock: { offsetSeconds: -900 } };
    assert.equal(await s.signIn('alice@example.com'), errorPage('OIDC_TOKEN_EXPIRED'));
    assert.match(publicMessage('OIDC_TOKEN_NOT_YET_VALID'), /dated in the future.*clock/);
    assert.match(publicMessage('OIDC_TOKEN_EXPIRED'), /had expired.*clock/);
    // The iat refusal is the signIn callback's, audited as a failed sign-in; the others are counted.
    assert.deepEqual(await s.counts(), { ...NOTHING, signinsFailed: 1 });
    assert.deepEqual(await s.failures(), ['OIDC_TOKEN_EXPIRED okta 1', 'OIDC_TOKEN_NOT_YET_VALID okta 1']);
    for (const clock of [{ offsetSeconds: 5 }, { offsetSeconds: 5, nbf: true }, { offsetSeconds: -5 }]) {
      s.front.faults = { clock };
      assert.equal(await s.signIn('alice@example.com'), `${RP_URL}/roles`, JSON.stringify(clock));
    }
    assert.deepEqual(await s.counts(), { users: 1, sessions: 3, signinsOk: 3, signinsFailed: 1 });
  });
});
