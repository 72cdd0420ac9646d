/**
 * OpenID Provider metadata for Rolegate as an issuer (OpenID Connect Discovery 1.0 §3). IAM reads
 * `jwks_uri` from here to verify web identity tokens; the `issuer` must equal the tokens' `iss` exactly.
 */
import type { JWK } from 'jose';
import type { SigningKeyRecord } from './keys';

export const JWKS_PATH = '/.well-known/jwks.json';

export function discoveryDocument(issuer: string): Record<string, unknown> {
  return {
    issuer,
    jwks_uri: `${issuer}${JWKS_PATH}`,
    // No authorization endpoint: Rolegate mints tokens only for its own STS calls.
    response_types_supported: ['id_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'jti', 'email', 'https://aws.amazon.com/tags', 'https://aws.amazon.com/source_identity'],
  };
}

export function jwksDocument(keys: readonly SigningKeyRecord[]): { keys: JWK[] } {
  return { keys: keys.map((k) => ({ ...k.publicJwk, kid: k.kid, alg: k.alg, use: 'sig' })) };
}
