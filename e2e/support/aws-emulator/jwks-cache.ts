/**
 * STS caches an OIDC issuer's keys (issue 15 §2): it does not fetch discovery and the JWKS for every
 * AssumeRoleWithWebIdentity. A token whose `kid` is in the cached set is checked against it; an unknown
 * `kid` (the issuer rotated) refetches once, at most once per `minRefetchMs` per issuer, so tokens with
 * made-up kids cannot turn the emulator into a fetch amplifier; past `ttlMs` the set is refetched. One
 * fetch per issuer is in flight at a time: concurrent calls share it. A failed fetch is not cached.
 */
import type { JSONWebKeySet } from 'jose';

export interface JwksCacheOptions {
  ttlMs: number;
  minRefetchMs: number;
  now: () => number;
}

export interface JwksCache {
  /** The issuer's keys for a token signed with `kid` (undefined: the token names none). */
  keysFor(iss: string, kid: string | undefined, load: () => Promise<JSONWebKeySet>): Promise<JSONWebKeySet>;
}

interface Entry {
  jwks: JSONWebKeySet;
  fetchedAt: number;
}

const hasKid = (jwks: JSONWebKeySet, kid: string | undefined) => kid === undefined || jwks.keys.some((k) => k.kid === kid);

export function createJwksCache(opts: JwksCacheOptions): JwksCache {
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<JSONWebKeySet>>();

  function fetchFor(iss: string, load: () => Promise<JSONWebKeySet>): Promise<JSONWebKeySet> {
    const running = inflight.get(iss);
    if (running) return running;
    const started = load()
      .then((jwks) => {
        entries.set(iss, { jwks, fetchedAt: opts.now() });
        return jwks;
      })
      .finally(() => inflight.delete(iss));
    inflight.set(iss, started);
    return started;
  }

  return {
    keysFor(iss, kid, load) {
      const entry = entries.get(iss);
      if (!entry) return fetchFor(iss, load);
      const age = opts.now() - entry.fetchedAt;
      if (age >= opts.ttlMs) return fetchFor(iss, load);
      if (hasKid(entry.jwks, kid) || age < opts.minRefetchMs) return Promise.resolve(entry.jwks);
      return fetchFor(iss, load);
    },
  };
}
