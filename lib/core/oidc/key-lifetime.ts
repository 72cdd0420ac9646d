/**
 * How long a rotating key may be used (issue 12 §5). A key that carries a certificate (SAML) must never
 * sign or decrypt past its notAfter, and must stay valid while it is published for verification after
 * it retires. So validity counts from activation, not from creation: a successor is made with enough
 * life for its whole active period plus the overlap (retired grace + clock margin), measured from the
 * moment it is expected to become active.
 *
 *   created ──(waits as next, published)──▶ activated ──(rotationDays)──▶ retired ──(grace)──▶ notAfter
 */
import type { RotatingKey, RotationPolicy } from './rotation';

const DAY = 86_400_000;

/**
 * Slack between a key's planned end of duty and the last moment it may sign: the ring re-reads the
 * database lazily (on use, at most once a minute) and servers' clocks drift. One day is generous for both.
 */
export const CLOCK_MARGIN_MS = DAY;

/** Time a key must outlive the end of its duty: what it signed is verified for the grace after that. */
export function overlapMs(policy: RotationPolicy): number {
  return policy.retiredGraceSeconds * 1000 + CLOCK_MARGIN_MS;
}

/**
 * Whether `key` may sign (or decrypt) at `now`: what it signs is verified up to the retired grace later,
 * and its certificate must still be valid then. Keys without a certificate (OIDC JWKs) have no notAfter.
 */
export function canSign(key: RotatingKey, now: Date, policy: RotationPolicy): boolean {
  if (key.notAfter === undefined) return true;
  return now.getTime() + policy.retiredGraceSeconds * 1000 < key.notAfter.getTime();
}

/** When the active key is due to hand over: after its rotation period, or one overlap before notAfter. */
export function rotationDue(active: RotatingKey, policy: RotationPolicy): Date {
  const byAge = (active.activatedAt ?? active.createdAt).getTime() + policy.rotationDays * DAY;
  const byCert = active.notAfter ? active.notAfter.getTime() - overlapMs(policy) : Infinity;
  return new Date(Math.min(byAge, byCert));
}

/**
 * The notAfter a successor created at `at` needs: it becomes active when the current key is due (but not
 * before it has been published for the prepublish time), then serves a whole rotation period, then stays
 * verifiable for the overlap. With no usable active key it is activated at once. Whole seconds, as X.509
 * stores them.
 */
export function successorNotAfter(keys: readonly RotatingKey[], at: Date, policy: RotationPolicy): Date {
  const active = keys.find((k) => k.status === 'active' && canSign(k, at, policy));
  const published = at.getTime() + policy.prepublishSeconds * 1000;
  const activation = active ? Math.max(rotationDue(active, policy).getTime(), published) : at.getTime();
  const notAfter = activation + policy.rotationDays * DAY + overlapMs(policy);
  return new Date(Math.ceil(notAfter / 1000) * 1000);
}

/**
 * The rotation period that fits a certificate validity of `validityDays`: a certificate waits as `next`
 * for up to one period, is active for one, then needs the overlap. So two periods + overlap ≤ validity.
 */
export function rotationDaysWithin(validityDays: number, retiredGraceSeconds: number): number {
  const overlap = retiredGraceSeconds * 1000 + CLOCK_MARGIN_MS;
  return Math.max(1, Math.floor((validityDays * DAY - overlap) / 2 / DAY));
}
