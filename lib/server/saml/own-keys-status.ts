import 'server-only';
/**
 * Expiry of Rolegate's OWN SAML certificates for the admin pages (issue 12 §5): the AWS IdP signing
 * certificate (IAM holds it in the SAML provider's metadata) and each connection's SP signing and
 * encryption certificates (the upstream IdP holds them). Read only: looking creates no keys.
 */
import { ownKeyExpiry, type OwnKeyExpiry } from '../../core/oidc/key-expiry';
import type { SamlKeyPurpose } from '../../db/repos/saml-keys';
import type { Container } from '../container';
import { idpKeyLifetime, samlRotationPolicy, SP_KEY_LIFETIME } from './saml-keys';

export interface OwnKeyStatus extends OwnKeyExpiry {
  purpose: SamlKeyPurpose;
  /** The SAML connection of SP keys; absent for the AWS IdP key. */
  connectionId?: string;
  /** Where the successor must be before it takes over. */
  heldBy: string;
}

export async function ownKeysStatus(c: Container): Promise<OwnKeyStatus[]> {
  const now = c.now();
  const scopes: { purpose: SamlKeyPurpose; connectionId: string | null; heldBy: string }[] = [
    { purpose: 'aws-idp-signing', connectionId: null, heldBy: "IAM's SAML provider metadata (/aws/saml/metadata)" },
    ...c.config.samlConnections.flatMap((conn) =>
      (['sp-signing', 'sp-encryption'] as const).map((purpose) => ({ purpose, connectionId: conn.id, heldBy: `${conn.name}'s copy of /saml/${conn.id}/metadata` })),
    ),
  ];
  const all = await Promise.all(
    scopes.map(async (s): Promise<OwnKeyStatus | undefined> => {
      const lifetime = s.purpose === 'aws-idp-signing' ? idpKeyLifetime(c.config.samlIdp) : SP_KEY_LIFETIME;
      const keys = await c.repos.samlKeys.listSamlKeys(s.purpose, s.connectionId);
      if (keys.length === 0) return undefined; // never used yet: made (valid) on first use
      const expiry = ownKeyExpiry(keys.map((k) => ({ ...k, kid: k.id })), now, samlRotationPolicy(lifetime));
      return { ...expiry, purpose: s.purpose, ...(s.connectionId ? { connectionId: s.connectionId } : {}), heldBy: s.heldBy };
    }),
  );
  return all.filter((s) => s !== undefined);
}
