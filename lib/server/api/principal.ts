import 'server-only';
/**
 * `authenticateApi(req)`: the caller of a /api/v1 endpoint — a CLI bearer token or the portal session
 * (with the same-origin check). Every /api/v1 handler authorises with it; the proxy lets /api/v1 through
 * without a cookie precisely because this check is here.
 */
import { connectionEnabled } from '../../core/config/parse';
import { getContainer } from '../container';
import { currentSession } from '../session';
import { authenticateRequest, type ApiPrincipal } from './authenticate';

export type { ApiPrincipal } from './authenticate';

export async function authenticateApi(req: Request): Promise<ApiPrincipal> {
  const c = await getContainer();
  return authenticateRequest(req.headers, {
    publicUrl: c.config.publicUrl,
    now: c.now,
    findActiveAccessToken: (hash, now) => c.repos.cliGrants.findActiveAccessToken(hash, now),
    currentSession,
    connectionEnabled: (idpId) => connectionEnabled(c.config, idpId),
  });
}
