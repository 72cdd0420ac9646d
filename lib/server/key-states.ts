/**
 * The signing keys and certificates as the metrics show them (issue 14 §4): for each active or next key,
 * when it stops being usable — a certificate's notAfter, an OIDC key's rotation due date.
 */
import type { RolegateConfig } from '../core/config/parse';
import { rotationDue } from '../core/oidc/key-lifetime';
import type { RotationPolicy } from '../core/oidc/rotation';
import type { Repos } from '../db/repos';
import type { KeyState } from './metrics';

/** The issuer keys' rotation: 1 h prepublished, kept for a token's lifetime + AWS's 5 minute skew. */
export function issuerKeyPolicy(config: Pick<RolegateConfig, 'issuer'>): RotationPolicy {
  return { rotationDays: config.issuer.keyRotationDays, prepublishSeconds: 3600, retiredGraceSeconds: config.issuer.tokenLifetimeSeconds + 300 };
}

export async function keyStates(repos: Pick<Repos, 'signingKeys' | 'samlKeys'>, policy: RotationPolicy): Promise<KeyState[]> {
  const [oidc, saml] = await Promise.all([repos.signingKeys.listSigningKeys(), repos.samlKeys.listLiveSamlKeys()]);
  return [
    ...oidc.filter((k) => k.status === 'active').map((k) => ({ purpose: 'oidc-signing', kid: k.kid, status: k.status, notAfter: rotationDue(k, policy) })),
    ...saml.map((k) => ({ purpose: k.connectionId ? `${k.purpose}:${k.connectionId}` : k.purpose, kid: k.id, status: k.status, notAfter: k.notAfter })),
  ];
}
