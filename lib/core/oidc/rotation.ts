/**
 * Key rotation plan for the issuer. The invariant (AWS-FACTS §3, "JWKS rotation"): a key is published
 * before it signs anything, and stays published until every token it signed has expired (+ skew).
 *
 *   next ──(published ≥ prepublish, active older than rotation period)──▶ active ──▶ retired ──(grace)──▶ unpublished
 */
import type { KeyStatus } from './keys';

/** What rotation needs to know of a key: OIDC signing keys and SAML signing certificates alike. */
export interface RotatingKey {
  kid: string;
  status: KeyStatus;
  createdAt: Date;
  activatedAt?: Date;
  retiredAt?: Date;
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

const DAY = 86_400_000;

export function planKeyRotation(keys: readonly RotatingKey[], now: Date, policy: RotationPolicy): RotationPlan {
  const active = keys.find((k) => k.status === 'active');
  const next = keys.filter((k) => k.status === 'next').sort((a, b) => +a.createdAt - +b.createdAt)[0];
  if (!active) {
    // First start: nothing has been signed yet, so the first key may sign at once.
    return { createNext: true, activate: next?.kid };
  }
  const activeAge = now.getTime() - (active.activatedAt ?? active.createdAt).getTime();
  const nextPublished = next ? now.getTime() - next.createdAt.getTime() >= policy.prepublishSeconds * 1000 : false;
  if (next && activeAge >= policy.rotationDays * DAY && nextPublished) {
    return { createNext: true, activate: next.kid };
  }
  return { createNext: !next };
}

/** The keys that belong in the JWKS right now: next, active, and retired ones still within their grace. */
export function publishedKeys<K extends RotatingKey>(keys: readonly K[], now: Date, policy: RotationPolicy): K[] {
  return keys.filter(
    (k) =>
      k.status !== 'retired' ||
      (k.retiredAt !== undefined && now.getTime() - k.retiredAt.getTime() <= policy.retiredGraceSeconds * 1000),
  );
}
