/**
 * Server-side state of the console role chooser: a validated SAML sign-in waiting for the user to pick a
 * role, under a random single-use handle that expires after a few minutes. The browser only posts the
 * handle and the chosen role back, never the SAML response again. Only the handle's SHA-256 is kept.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { RolePair } from './saml-attributes';
import type { VerifiedSaml } from './saml-response';

/** How long the chooser page stays usable. */
export const SAML_CHOICE_TTL_MS = 5 * 60 * 1000;

export interface SamlChoice {
  /** The offered pairs whose provider validated the response, with that provider's verified view. */
  options: { pair: RolePair; verified: VerifiedSaml }[];
  /** Console session length in ms, decided when the response was validated. */
  lifetimeMs: number;
  destination: string;
  expiresAt: number;
}

export type TakeResult =
  { ok: true; choice: SamlChoice } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

const digest = (handle: string): string => createHash('sha256').update(handle).digest('hex');

export class SamlChoiceStore {
  private readonly choices = new Map<string, SamlChoice & { used: boolean }>();

  create(choice: Omit<SamlChoice, 'expiresAt'>, nowMs: number): string {
    const handle = randomBytes(32).toString('base64url');
    this.choices.set(digest(handle), {
      ...choice,
      expiresAt: nowMs + SAML_CHOICE_TTL_MS,
      used: false,
    });
    return handle;
  }

  /** Single use: any attempt (even one that then fails) burns the handle. */
  take(handle: string, nowMs: number): TakeResult {
    const record = this.choices.get(digest(handle));
    if (!record) return { ok: false, reason: 'unknown' };
    if (record.used) return { ok: false, reason: 'used' };
    record.used = true;
    if (nowMs >= record.expiresAt) return { ok: false, reason: 'expired' };
    const { used: _used, ...choice } = record;
    return { ok: true, choice };
  }
}
