/**
 * The CLI's login: an access token (~15 min) and a rotating refresh token, stored in
 * `$XDG_CONFIG_HOME/rolegate/tokens.json` (0600, atomic writes). Refreshing is single-flight
 * across processes: the server revokes the whole family when a rotated refresh token is reused,
 * so two processes must never refresh with the same token.
 */
import { CLIENT_ID, apiError, call, oauthError } from './api';
import { parseTokenPair, type TokenPair } from './api-types';
import type { CliContext } from './context';
import { loginExpired, notLoggedIn } from './errors';
import { Fields } from './fields';
import { readJson, removeFile, writeFileAtomic } from './files';
import { singleflight } from './lock';
import { tokensFile, tokensLockFile } from './paths';

export interface StoredTokens {
  server: string;
  accessToken: string;
  /** Epoch ms. */
  accessExpiresAt: number;
  refreshToken: string;
  /** Epoch ms, when the server said. */
  refreshExpiresAt?: number;
}

/** Refresh this long before the access token's expiry, for clock skew and request time. */
const ACCESS_SKEW_MS = 30_000;

export function tokensFromPair(server: string, pair: TokenPair, now: number): StoredTokens {
  const refreshIn = pair.refreshExpiresInSeconds;
  return {
    server,
    accessToken: pair.accessToken,
    accessExpiresAt: now + pair.expiresInSeconds * 1000,
    refreshToken: pair.refreshToken,
    refreshExpiresAt: refreshIn === undefined ? undefined : now + refreshIn * 1000,
  };
}

/** The stored login, or undefined (none, or a file this version cannot read). */
export function loadTokens(ctx: Pick<CliContext, 'env'>): StoredTokens | undefined {
  const raw = readJson(tokensFile(ctx.env));
  if (raw === undefined) return undefined;
  try {
    const f = Fields.of('tokens file', raw);
    return {
      server: f.str('server'),
      accessToken: f.str('accessToken'),
      accessExpiresAt: f.num('accessExpiresAt'),
      refreshToken: f.str('refreshToken'),
      refreshExpiresAt: f.optNum('refreshExpiresAt'),
    };
  } catch {
    return undefined;
  }
}

export function saveTokens(ctx: Pick<CliContext, 'env'>, tokens: StoredTokens): void {
  writeFileAtomic(tokensFile(ctx.env), `${JSON.stringify(tokens, null, 2)}\n`);
}

export function clearTokens(ctx: Pick<CliContext, 'env'>): void {
  removeFile(tokensFile(ctx.env));
}

/** Exchanges the refresh token (RFC 6749 §6); the server rotates it. Call under the lock only. */
async function redeem(ctx: CliContext, server: string, used: StoredTokens): Promise<StoredTokens> {
  const current = loadTokens(ctx);
  if (!current || current.server !== server) throw loginExpired();
  if (current.accessToken !== used.accessToken) return current; // rotated while we waited
  if (current.refreshExpiresAt !== undefined && current.refreshExpiresAt <= ctx.now()) {
    clearTokens(ctx);
    throw loginExpired();
  }
  const form = {
    grant_type: 'refresh_token',
    refresh_token: current.refreshToken,
    client_id: CLIENT_ID,
  };
  const res = await call(server, 'token', { form });
  if (res.status === 200) {
    const next = tokensFromPair(server, parseTokenPair(res.body), ctx.now());
    saveTokens(ctx, next);
    return next;
  }
  if (oauthError(res) === 'invalid_grant' || res.status === 401) {
    clearTokens(ctx); // dead for good: expired, revoked, or its family was revoked
    throw loginExpired();
  }
  throw apiError(res); // e.g. a 503: the refresh token may still be good, keep it
}

/** New tokens replacing `used`: one process refreshes, concurrent ones reuse its result. */
export function refreshTokens(
  ctx: CliContext,
  server: string,
  used: StoredTokens,
): Promise<StoredTokens> {
  return singleflight(
    tokensLockFile(ctx.env),
    () => {
      const t = loadTokens(ctx);
      return t && t.server === server && t.accessToken !== used.accessToken ? t : undefined;
    },
    () => redeem(ctx, server, used),
  );
}

/** Tokens with a usable access token for `server`, refreshed silently when it has expired. */
export async function currentTokens(ctx: CliContext, server: string): Promise<StoredTokens> {
  const tokens = loadTokens(ctx);
  if (!tokens || tokens.server !== server) throw notLoggedIn(server);
  if (tokens.accessExpiresAt - ACCESS_SKEW_MS > ctx.now()) return tokens;
  return refreshTokens(ctx, server, tokens);
}
