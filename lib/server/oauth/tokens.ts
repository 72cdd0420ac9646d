/**
 * Minting a CLI token pair and the token response (RFC 6749 §5.1). The plaintext tokens exist only here and
 * in the response; the database gets their SHA-256.
 */
import { hashToken } from '../../db/crypto';
import type { IssuedTokens, NewTokenPair } from '../../db/repos';
import type { OAuthDeps } from './deps';

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  /** Seconds. */
  expires_in: number;
  refresh_token: string;
  /** Seconds until the login itself ends (refresh tokens rotate but never outlive it). */
  refresh_expires_in: number;
}

export interface MintedPair {
  accessToken: string;
  refreshToken: string;
  pair: NewTokenPair;
}

export function mintTokenPair(deps: Pick<OAuthDeps, 'config' | 'newToken'>, now: Date): MintedPair {
  const accessToken = deps.newToken();
  const refreshToken = deps.newToken();
  const accessExpiresAt = new Date(now.getTime() + deps.config.cli.accessTokenMinutes * 60_000);
  return { accessToken, refreshToken, pair: { accessHash: hashToken(accessToken), refreshHash: hashToken(refreshToken), accessExpiresAt } };
}

const secondsUntil = (at: Date, now: Date) => Math.max(0, Math.floor((at.getTime() - now.getTime()) / 1000));

export function tokenResponse(minted: MintedPair, issued: IssuedTokens, now: Date): TokenResponse {
  return {
    access_token: minted.accessToken,
    token_type: 'Bearer',
    expires_in: secondsUntil(issued.accessExpiresAt, now),
    refresh_token: minted.refreshToken,
    refresh_expires_in: secondsUntil(issued.refreshExpiresAt, now),
  };
}
