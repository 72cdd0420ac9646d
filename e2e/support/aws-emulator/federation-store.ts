/**
 * Sign-in tokens (getSigninToken → login) and console sessions (login → /console), in memory.
 * Both are bearer secrets, so only their SHA-256 is kept as the map key.
 */
import { createHash, randomBytes } from 'node:crypto';

/** AWS: a sign-in token (and so the login URL) is valid for 15 minutes (AWS-FACTS §1.4). */
export const SIGNIN_TOKEN_TTL_MS = 15 * 60 * 1000;

export interface SigninTokenRecord {
  accessKeyId: string;
  expiresAt: number;
  /** SessionDuration from getSigninToken, in seconds; undefined → the credential's remaining life. */
  sessionDurationSec?: number;
}

export interface ConsoleSession {
  accessKeyId: string;
  expiresAt: number;
}

export type RedeemResult =
  { ok: true; record: SigninTokenRecord } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export class FederationStore {
  private readonly signinTokens = new Map<string, SigninTokenRecord & { used: boolean }>();
  private readonly consoleSessions = new Map<string, ConsoleSession>();

  createSigninToken(
    accessKeyId: string,
    sessionDurationSec: number | undefined,
    nowMs: number,
  ): string {
    const token = randomBytes(192).toString('base64url');
    this.signinTokens.set(digest(token), {
      accessKeyId,
      sessionDurationSec,
      expiresAt: nowMs + SIGNIN_TOKEN_TTL_MS,
      used: false,
    });
    return token;
  }

  /** Single use: a redeemed token stays known (so reuse is reported as such) but never works again. */
  redeemSigninToken(token: string, nowMs: number): RedeemResult {
    const record = this.signinTokens.get(digest(token));
    if (!record) return { ok: false, reason: 'unknown' };
    if (record.used) return { ok: false, reason: 'used' };
    if (nowMs >= record.expiresAt) return { ok: false, reason: 'expired' };
    record.used = true;
    const { used: _used, ...rest } = record;
    return { ok: true, record: rest };
  }

  createConsoleSession(session: ConsoleSession): string {
    const id = randomBytes(32).toString('base64url');
    this.consoleSessions.set(digest(id), session);
    return id;
  }

  consoleSession(id: string, nowMs: number): ConsoleSession | undefined {
    const session = this.consoleSessions.get(digest(id));
    if (!session || nowMs >= session.expiresAt) return undefined;
    return session;
  }
}
