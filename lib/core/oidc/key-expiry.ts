/**
 * Warnings about Rolegate's own certificates (issue 12 §5): admins see, 30 days ahead, that the active
 * certificate is about to expire and which successor takes over when — the successor must be in the
 * metadata the other side holds (IAM's SAML provider, the upstream IdP) before then.
 */
import { expiryOf, type Expiry } from '../saml/sp/metadata-expiry';
import { canSign, rotationDue } from './key-lifetime';
import { nextInLine, type RotatingKey, type RotationPolicy } from './rotation';

export interface OwnKeyExpiry {
  /** The worst of the active certificate's state; 'expired' also when there is no usable one. */
  expiry: Expiry;
  active?: { kid: string; notAfter: Date };
  /** The certificate in line to take over, published since `publishedAt`, active from `takesOverAt`. */
  successor?: { kid: string; notAfter?: Date; publishedAt: Date; takesOverAt: Date };
}

export function ownKeyExpiry(keys: readonly RotatingKey[], now: Date, policy: RotationPolicy): OwnKeyExpiry {
  const active = keys.find((k) => k.status === 'active' && k.notAfter !== undefined);
  const next = nextInLine(keys, now, policy);
  if (!active?.notAfter || !canSign(active, now, policy)) {
    return { expiry: 'expired', successor: next && successorOf(next, now, now, policy) };
  }
  return {
    expiry: expiryOf(active.notAfter, now),
    active: { kid: active.kid, notAfter: active.notAfter },
    successor: next && successorOf(next, rotationDue(active, policy), now, policy),
  };
}

function successorOf(next: RotatingKey, due: Date, now: Date, policy: RotationPolicy): OwnKeyExpiry['successor'] {
  const published = next.createdAt.getTime() + policy.prepublishSeconds * 1000;
  const takesOverAt = new Date(Math.max(due.getTime(), published, now.getTime()));
  return { kid: next.kid, notAfter: next.notAfter, publishedAt: next.createdAt, takesOverAt };
}
