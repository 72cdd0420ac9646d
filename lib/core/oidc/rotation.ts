/**
 * Key rotation plan for the issuer. The invariant (AWS-FACTS §3, "JWKS rotation"): a key is published
 * before it signs anything, and stays published until every token it signed has expired (+ skew).
 *
 *   next ──(published ≥ prepublish, active older than rotation period)──▶ active ──▶ retired ──(grace)──▶ unpublished
 *
 * Keys with a certificate also obey its notAfter (key-lifetime.ts): a key that could not sign for a whole
 * token lifetime before its notAfter hands over at once, and nothing past its notAfter is published.
 */
import type { KeyStatus } from './keys';
import { canSign, rotationDue } from './key-lifetime';

/** What rotation needs to know of a key: OIDC signing keys and SAML signing certificates alike. */
export interface RotatingKey {
  kid: string;
  status: KeyStatus;
  createdAt: Date;
  activatedAt?: Date;
  retiredAt?: Date;
  /** The certificate's notAfter (SAML keys); OIDC JWKs have none. */
  notAfter?: Date;
}

export interface RotationPolicy {
  rotationDays: number;
  /** How long a `next` key is published before it may sign (caches of the JWKS catch up). */
  prepublishSeconds: number;
  /** How long a retired key stays published: token lifetime + AWS's 5 minute skew. */
  retiredGraceSeconds: number;
}

export interface RotationPlan {
  /** Create a new `next` key. */
  createNext: boolean;
  /** Activate this `next` key (retiring the current active one). */
  activate?: string;
}

/** The `next` key that will take over: the oldest one that can still sign. */
export function nextInLine<K extends RotatingKey>(keys: readonly K[], now: Date, policy: RotationPolicy): K | undefined {
  return keys
    .filter((k) => k.status === 'next' && canSign(k, now, policy))
    .sort((a, b) => +a.createdAt - +b.createdAt)[0];
}

export function planKeyRotation(keys: readonly RotatingKey[], now: Date, policy: RotationPolicy): RotationPlan {
  const active = keys.find((k) => k.status === 'active');
  const next = nextInLine(keys, now, policy);
  if (!active || !canSign(active, now, policy)) {
    // First start (nothing signed yet), or the active certificate is about to expire (the server was
    // down through the rotation): a key past its notAfter must never sign, so the next one takes over now.
    return { createNext: true, activate: next?.kid };
  }
  const nextPublished = next ? now.getTime() - next.createdAt.getTime() >= policy.prepublishSeconds * 1000 : false;
  if (next && now.getTime() >= rotationDue(active, policy).getTime() && nextPublished) {
    return { createNext: true, activate: next.kid };
  }
  return { createNext: !next };
}

/**
 * The keys that belong in the JWKS / metadata right now: next, active, and retired ones still within
 * their grace — never a certificate past its notAfter.
 */
export function publishedKeys<K extends RotatingKey>(keys: readonly K[], now: Date, policy: RotationPolicy): K[] {
  const t = now.getTime();
  return keys.filter(
    (k) =>
      (k.notAfter === undefined || t < k.notAfter.getTime()) &&
      (k.status !== 'retired' ||
        (k.retiredAt !== undefined && t - k.retiredAt.getTime() <= policy.retiredGraceSeconds * 1000)),
  );
}
