/**
 * A rotating key ring over the database, shared by the OIDC issuer keys and the SAML certificates:
 * applies the rotation plan (publish next → activate → retire), keeps the active key opened in memory,
 * and reloads at most once a minute with a single in-flight refresh.
 */
import { GatewayError } from '../core/errors';
import { planKeyRotation, type RotatingKey, type RotationPolicy } from '../core/oidc/rotation';

export interface KeyRingDeps<K extends RotatingKey, A> {
  list(): Promise<K[]>;
  activate(kid: string, at: Date): Promise<void>;
  /** Creates and stores a new key in status `next`. */
  createNext(at: Date): Promise<void>;
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

const REFRESH_MS = 60_000;

export function createKeyRing<K extends RotatingKey, A>(deps: KeyRingDeps<K, A>): KeyRing<K, A> {
  let keys: K[] = [];
  let active: { kid: string; value: A } | undefined;
  let loadedAt = 0;
  let inflight: Promise<void> | undefined;

  async function sync(): Promise<void> {
    for (let step = 0; step < 3; step++) {
      keys = await deps.list();
      const plan = planKeyRotation(keys, deps.now(), deps.policy);
      if (!plan.createNext && !plan.activate) break;
      if (plan.activate) await deps.activate(plan.activate, deps.now());
      if (plan.createNext) await deps.createNext(deps.now());
    }
    const current = keys.find((k) => k.status === 'active');
    if (!current) throw new GatewayError('SIGNING_KEY_UNAVAILABLE', `no active ${deps.what} after rotation`);
    if (active?.kid !== current.kid) active = { kid: current.kid, value: await deps.open(current) };
    loadedAt = Date.now();
  }

  async function fresh(): Promise<void> {
    if (active && Date.now() - loadedAt < REFRESH_MS) return;
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
