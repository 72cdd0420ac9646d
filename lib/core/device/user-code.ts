/**
 * Device-flow user codes (RFC 8628 §6.1): 8 characters from the RFC's base-20 alphabet of consonants —
 * no vowels (no words), no digits, nothing that looks alike (0/O, 1/I/L, 5/S are absent) — shown as
 * `XXXX-XXXX`. 20^8 ≈ 2^34.6 codes; a code lives at most minutes and is unique among pending requests.
 * Users may type it in either case, with or without the dash or spaces: `normalizeUserCode` accepts that
 * and nothing else.
 */
import { randomInt } from 'node:crypto';

export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
export const USER_CODE_LENGTH = 8;

const NORMALISED = new RegExp(`^[${USER_CODE_ALPHABET}]{${USER_CODE_LENGTH}}$`);

/** A fresh normalised user code (8 letters, no dash). `pick(n)` returns a uniform integer in [0, n). */
export function generateUserCode(pick: (n: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < USER_CODE_LENGTH; i++) code += USER_CODE_ALPHABET[pick(USER_CODE_ALPHABET.length)];
  return code;
}

/**
 * The stored form of what a user typed: upper-cased, with dashes and whitespace removed. `undefined`
 * when the result is not 8 characters of the alphabet (so a malformed code never reaches the database).
 */
export function normalizeUserCode(input: string): string | undefined {
  if (input.length > 32) return undefined;
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return NORMALISED.test(code) ? code : undefined;
}

/** `BCDFGHJK` → `BCDF-GHJK`, the form shown to people and put into verification_uri_complete. */
export function formatUserCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
