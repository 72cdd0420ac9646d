/**
 * A rotating key ring over the database, shared by the OIDC issuer keys and the SAML certificates:
 * applies the rotation plan (publish next → activate → retire), keeps the active key opened in memory,
 * and reloads at most once a minute (of the injected clock) with a single in-flight refresh. A cached
 * key is never handed out once it can no longer sign (its certificate's notAfter is near).
 */
import { GatewayError } from '../core/errors';
import { canSign, successorNotAfter } from '../core/oidc/key-lifetime';
import { planKeyRotation, type RotatingKey, type RotationPolicy } from '../core/oidc/rotation';

export interface KeyRingDeps<K extends RotatingKey, A> {
  list(): Promise<K[]>;
  activate(kid: string, at: Date): Promise<void>;
  /**
   * Creates and stores a new key in status `next`. A certificate must be valid until `notAfter`: its
   * whole active period plus overlap, counted from when it is expected to become active. Inserts only
   * if `seenNextCount` keys are still in status 'next' (else DB_CONFLICT: another instance was first).
   */
  createNext(at: Date, notAfter: Date, seenNextCount: number): Promise<void>;
  /** Decrypts / imports the active key for use. */
  open(key: K): Promise<A>;
  policy: RotationPolicy;
  now: () => Date;
  /** For error messages, e.g. "OIDC signing key". */
  what: string;
}

export interface KeyRing<K, A> {
  active(): Promise<A>;
  /** Every stored key as of the last refresh. */
  keys(): Promise<K[]>;
}

/** How old the key ring in memory may be: another instance’s rotation is published here within this long. */
const REFRESH_MS = 10_000;

/**
 * Another instance rotated first: it inserted the next key this one was about to (DB_CONFLICT), or
 * activated the key this one was about to (no longer 'next': SIGNING_KEY_UNAVAILABLE from activate).
 */
function lostRace(e: unknown): boolean {
  return e instanceof GatewayError && (e.code === 'DB_CONFLICT' || e.code === 'SIGNING_KEY_UNAVAILABLE');
}

export function createKeyRing<K extends RotatingKey, A>(deps: KeyRingDeps<K, A>): KeyRing<K, A> {
  let keys: K[] = [];
  let active: { key: K; value: A } | undefined;
  let loadedAt = 0;
  let inflight: Promise<void> | undefined;

  /**
   * One step per change (activate, then create), re-reading the keys after each: ≤ 4 in the worst case,
   * plus a re-read for each step another instance took first (its change is then what we read).
   */
  async function rotate(): Promise<void> {
    for (let step = 0; step < 8; step++) {
      keys = await deps.list();
      const now = deps.now();
      const plan = planKeyRotation(keys, now, deps.policy);
      const seenNext = keys.filter((k) => k.status === 'next').length;
      try {
        if (plan.activate) await deps.activate(plan.activate, now);
        else if (plan.createNext) await deps.createNext(now, successorNotAfter(keys, now, deps.policy), seenNext);
        else return;
      } catch (e) {
        if (!lostRace(e)) throw e;
      }
    }
    keys = await deps.list();
  }

  async function sync(): Promise<void> {
    await rotate();
    const current = keys.find((k) => k.status === 'active');
    if (!current || !canSign(current, deps.now(), deps.policy)) {
      throw new GatewayError('SIGNING_KEY_UNAVAILABLE', `no usable active ${deps.what} after rotation`);
    }
    if (active?.key.kid !== current.kid) active = { key: current, value: await deps.open(current) };
    loadedAt = deps.now().getTime();
  }

  async function fresh(): Promise<void> {
    const now = deps.now();
    const cached = active && now.getTime() - loadedAt < REFRESH_MS && canSign(active.key, now, deps.policy);
    if (cached) return;
    inflight ??= sync().finally(() => (inflight = undefined));
    await inflight;
  }

  return {
    async active() {
      await fresh();
      if (!active) throw new GatewayError('SIGNING_KEY_UNAVAILABLE', `no active ${deps.what}`);
      return active.value;
    },
    async keys() {
      await fresh();
      return keys;
    },
  };
}
