/**
 * Authenticated calls: a current access token (refreshed first when it has expired locally), and
 * on a 401 one forced refresh and one retry. A second 401 means the login is gone.
 */
import { call, expectOk, type ApiRequest, type ApiResponse } from './api';
import type { CliContext } from './context';
import { loginExpired } from './errors';
import { currentTokens, refreshTokens } from './tokens';

export async function authedCall(
  ctx: CliContext,
  server: string,
  route: string,
  req: ApiRequest = {},
): Promise<ApiResponse> {
  const tokens = await currentTokens(ctx, server);
  const first = await call(server, route, { ...req, bearer: tokens.accessToken });
  if (first.status !== 401) return first;
  const fresh = await refreshTokens(ctx, server, tokens);
  const second = await call(server, route, { ...req, bearer: fresh.accessToken });
  if (second.status === 401) throw loginExpired();
  return second;
}

/** The 2xx body of an authenticated call, or the mapped error. */
export async function authedJson(
  ctx: CliContext,
  server: string,
  route: string,
  req: ApiRequest = {},
): Promise<unknown> {
  return expectOk(await authedCall(ctx, server, route, req));
}
