/**
 * The ID token's issue time (issue 14 §5). openid-client 5, inside next-auth 4, checks `exp` and `nbf`
 * with the 10 s clock tolerance next-auth gives it (core/lib/oauth/client.js), but not `iat`: a token
 * from an IdP whose clock runs ahead and that sends no `nbf` (Okta and Google send none) was accepted.
 * OIDC Core 1.0 §3.1.3.7 step 10 leaves this check to the client; Rolegate makes it, with the same
 * tolerance, so every IdP's clock error is refused alike.
 */
import { GatewayError } from '../../core/errors';

/** As next-auth sets `custom.clock_tolerance` on the openid-client it builds. */
export const ID_TOKEN_CLOCK_TOLERANCE_SECONDS = 10;

/** Throws OIDC_TOKEN_NOT_YET_VALID when the token's numeric `iat` is later than now + the tolerance. */
export function assertIssuedByNow(claims: unknown, now: Date): void {
  const iat = typeof claims === 'object' && claims !== null ? (claims as { iat?: unknown }).iat : undefined;
  if (typeof iat !== 'number') return; // openid-client requires iat and refuses a non-number
  const ahead = iat - Math.floor(now.getTime() / 1000);
  if (ahead > ID_TOKEN_CLOCK_TOLERANCE_SECONDS) {
    throw new GatewayError('OIDC_TOKEN_NOT_YET_VALID', `ID token iat is ${ahead} s ahead of Rolegate's clock (tolerance ${ID_TOKEN_CLOCK_TOLERANCE_SECONDS} s)`);
  }
}
