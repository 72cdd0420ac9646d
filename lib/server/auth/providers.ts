/**
 * next-auth providers built from the config's IdP rows (STYLE rule 7: IdPs are data). Every provider is
 * OIDC with state + nonce + PKCE; the ID token is verified by openid-client against the IdP's JWKS
 * (signature, iss, aud, exp, nonce) and its claims are then checked by normalizeClaims.
 */
import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { IdpConfig } from '../../core/config/schema';

type Profile = Record<string, unknown> & { sub?: string; email?: string; name?: string };

const PRESET_SCOPES: Record<IdpConfig['preset'], string[]> = {
  okta: ['groups'],
  google: [],
  entra: [],
  generic: [],
};

export function oidcProvider(idp: IdpConfig, clientSecret: string): OAuthConfig<Profile> {
  const scope = [...new Set(['openid', 'email', 'profile', ...PRESET_SCOPES[idp.preset], ...idp.scopes])].join(' ');
  return {
    id: idp.id,
    name: idp.name,
    type: 'oauth',
    wellKnown: `${idp.issuer}/.well-known/openid-configuration`,
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret,
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    authorization: { params: { scope, ...(idp.preset === 'google' && idp.allowedDomains.length === 1 ? { hd: idp.allowedDomains[0] } : {}) } },
    client: { id_token_signed_response_alg: 'RS256', token_endpoint_auth_method: 'client_secret_basic' },
    profile(profile) {
      return { id: String(profile.sub), email: typeof profile.email === 'string' ? profile.email : null, name: typeof profile.name === 'string' ? profile.name : null };
    },
  };
}
