/**
 * The session id inside a session cookie, remembered per cookie value. next-auth's `decode` derives its
 * key with HKDF and decrypts the JWE on every call — about 1 ms of CPU, the largest single cost of an
 * issuance after the RSA signature (issue 15 §2) — and a browser sends the same cookie with every request
 * of its session.
 *
 * Only a value that decoded is remembered, exactly as decoded (its `sid`), and only until the token's own
 * `exp`: past it the value is decoded afresh, which refuses it. What the cache saves is the cryptography of
 * unwrapping an unchanged, already-authenticated value; whether the session is still active (revoked,
 * expired, its connection disabled) is read from the database on every request as before. Bounded: the
 * least recently used value is forgotten first. Keyed by the value's SHA-256, so the cache holds no session
 * token itself (a heap dump shows hashes, not cookies that would sign someone in).
 */
import { createHash } from 'node:crypto';

const keyOf = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** The token's claims as decoded (`sid` and `exp` are read, nothing else). */
export type DecodeSessionToken = (token: string) => Promise<Record<string, unknown> | null>;

export interface DecodedCookies {
  /** The cookie's session id, or undefined when it does not decode, has none, or has expired. */
  sid(token: string): Promise<string | undefined>;
  readonly size: number;
}

/** `nowSec` is the clock the token's `exp` is compared with (seconds since the epoch). */
export function createDecodedCookies(decode: DecodeSessionToken, nowSec: () => number, max = 5_000): DecodedCookies {
  const known = new Map<string, { sid: string; exp: number }>();
  return {
    async sid(token) {
      const key = keyOf(token);
      const hit = known.get(key);
      if (hit) {
        known.delete(key);
        if (nowSec() < hit.exp) {
          known.set(key, hit); // most recently used last
          return hit.sid;
        }
      }
      const jwt = await decode(token).catch(() => null);
      const sid = jwt?.sid;
      if (typeof sid !== 'string') return undefined;
      // A token without a numeric exp is used as decoded but never remembered.
      if (typeof jwt?.exp === 'number' && nowSec() < jwt.exp) {
        known.set(key, { sid, exp: jwt.exp });
        if (known.size > max) known.delete(known.keys().next().value as string);
      }
      return sid;
    },
    get size() {
      return known.size;
    },
  };
}
