/**
 * The CLI's token endpoint for refresh (RFC 6749 §6) with rotation, and logout. A refresh returns a new
 * access + refresh pair and uses the presented refresh token up; presenting a used one again revokes the
 * whole login (OAuth 2.0 Security BCP §4.14.2), which is audited.
 */
import { OAuthError } from '../../core/device/oauth-error';
import { hashToken } from '../../db/crypto';
import type { CliGrantRecord } from '../../db/repos';
import type { RequestMeta } from '../request-meta';
import { TOKEN_SHAPE, type OAuthDeps } from './deps';
import { mintTokenPair, tokenResponse, type TokenResponse } from './tokens';

function grantAudit(grant: CliGrantRecord, meta: RequestMeta) {
  return {
    type: 'cli' as const,
    userId: grant.userId,
    subject: grant.claims.subject,
    email: grant.claims.email,
    emailVerified: grant.claims.emailVerified,
    idpId: grant.idpId,
    ip: meta.ip,
    userAgent: meta.userAgent,
  };
}

export async function refreshTokens(deps: OAuthDeps, refreshToken: string, meta: RequestMeta): Promise<TokenResponse> {
  if (!TOKEN_SHAPE.test(refreshToken)) throw new OAuthError('OAUTH_INVALID_GRANT', 'malformed refresh token');
  const now = deps.now();
  const minted = mintTokenPair(deps, now);
  const result = await deps.grants.rotateRefreshToken(hashToken(refreshToken), now, minted.pair);
  if (result.kind === 'rotated') {
    await deps.audit({ ...grantAudit(result.grant, meta), outcome: 'ok', expiresAt: result.accessExpiresAt, detail: { action: 'refresh', grantId: result.grant.id } });
    return tokenResponse(minted, result, now);
  }
  if (result.kind === 'reused' && result.revoked) {
    await deps.audit({
      ...grantAudit(result.grant, meta), outcome: 'denied', code: 'OAUTH_INVALID_GRANT',
      detail: { action: 'refresh-reuse', grantId: result.grant.id, revoked: true },
    });
    throw new OAuthError('OAUTH_INVALID_GRANT', `reuse of a rotated refresh token; grant ${result.grant.id} revoked`);
  }
  throw new OAuthError('OAUTH_INVALID_GRANT', `refresh token ${result.kind}`);
}

/**
 * Ends the login that `token` (an access or refresh token, even an expired or used one) belongs to. Unknown
 * tokens are accepted silently (RFC 7009 §2.2): the answer says nothing about which tokens exist.
 */
export async function logoutCli(deps: OAuthDeps, token: string, meta: RequestMeta): Promise<void> {
  if (!TOKEN_SHAPE.test(token)) return;
  const grant = await deps.grants.revokeCliGrantByToken(hashToken(token), deps.now(), 'logout');
  if (grant) await deps.audit({ ...grantAudit(grant, meta), outcome: 'ok', detail: { action: 'logout', grantId: grant.id } });
}
