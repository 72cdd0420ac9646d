/** Public JWKs are stored as JSON text; only public members may ever be written to the column. */
import type { JWK } from 'jose';
import { GatewayError } from '../../core/errors';

// RFC 7518 §6.3.2 (RSA), §6.2.2 (EC), §6.4 (oct), RFC 8037 (OKP): members that are private key material.
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

export function serializePublicJwk(kid: string, jwk: JWK): string {
  const leaked = PRIVATE_MEMBERS.filter((m) => m in jwk);
  if (leaked.length > 0) {
    throw new GatewayError(
      'INTERNAL',
      `public JWK of ${kid} contains private members ${leaked.join(', ')}`,
    );
  }
  if (typeof jwk.kty !== 'string')
    throw new GatewayError('INTERNAL', `public JWK of ${kid} has no kty`);
  return JSON.stringify(jwk);
}

export function parsePublicJwk(kid: string, text: string): JWK {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new GatewayError('INTERNAL', `stored public JWK of ${kid} is not JSON`, { cause });
  }
  if (!isJwk(json)) throw new GatewayError('INTERNAL', `stored public JWK of ${kid} is not a JWK`);
  return json;
}

function isJwk(value: unknown): value is JWK {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'kty' in value &&
    typeof value.kty === 'string'
  );
}
