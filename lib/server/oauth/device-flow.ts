/**
 * The CLI's side of the device authorization grant (RFC 8628): ask for a device code (§3.1–3.2), then
 * poll the token endpoint (§3.4–3.5) until the user approved or denied it at /device, or it expired.
 * An approval is turned into a CLI login exactly once (the repo consumes it atomically).
 */
import { randomUUID } from 'node:crypto';
import { formatUserCode, generateUserCode } from '../../core/device/user-code';
import { OAuthError } from '../../core/device/oauth-error';
import { isGatewayError } from '../../core/errors';
import { hashToken } from '../../db/crypto';
import type { DeviceAuthorizationRecord } from '../../db/repos';
import type { RequestMeta } from '../request-meta';
import { TOKEN_SHAPE, type OAuthDeps } from './deps';
import { mintTokenPair, tokenResponse, type TokenResponse } from './tokens';

/** RFC 8628 §3.5: on slow_down the interval grows by 5 seconds, for this and every later poll. */
export const SLOW_DOWN_STEP_SECONDS = 5;
/** A poll up to this much earlier than the interval still counts as on time (network and timer jitter). */
export const POLL_LENIENCY_MS = 500;
/** Decided and expired requests are kept this long after expiry (to answer expired_token), then purged. */
const KEEP_EXPIRED_MS = 3_600_000;
/** CLI logins (and their tokens) are deleted a week after they ended; the audit log keeps their story. */
const KEEP_ENDED_LOGINS_MS = 7 * 86_400_000;

export interface DeviceCodeResponse {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

export async function startDeviceAuthorization(deps: OAuthDeps, clientId: string, meta: RequestMeta): Promise<DeviceCodeResponse> {
  const now = deps.now();
  const { cli, publicUrl } = deps.config;
  const deviceCode = deps.newToken();
  const base = { id: hashToken(deviceCode), clientId, ip: meta.ip, userAgent: meta.userAgent, createdAt: now, intervalSeconds: cli.pollIntervalSeconds };
  const expiresAt = new Date(now.getTime() + cli.deviceCodeMinutes * 60_000);
  // Housekeeping on the way in (both deletes use an index): old requests, and logins long over.
  await deps.devices.purgeDeviceAuthorizations(new Date(now.getTime() - KEEP_EXPIRED_MS));
  await deps.grants.purgeCliGrants(new Date(now.getTime() - KEEP_ENDED_LOGINS_MS));
  let created: DeviceAuthorizationRecord | undefined;
  // A user code held by a live pending request is refused (DB_CONFLICT): draw another (20^8 codes).
  for (let attempt = 0; !created; attempt++) {
    try {
      created = await deps.devices.createDeviceAuthorization({ ...base, userCode: generateUserCode(), expiresAt });
    } catch (err) {
      if (!isGatewayError(err) || err.code !== 'DB_CONFLICT' || attempt >= 4) throw err;
    }
  }
  const userCode = formatUserCode(created.userCode);
  const verificationUri = `${publicUrl}/device`;
  return {
    device_code: deviceCode,
    user_code: userCode,
    verification_uri: verificationUri,
    verification_uri_complete: `${verificationUri}?user_code=${userCode}`,
    expires_in: cli.deviceCodeMinutes * 60,
    interval: cli.pollIntervalSeconds,
  };
}

/** authorization_pending, or slow_down when this poll came sooner than the interval allows. */
async function pendingAnswer(deps: OAuthDeps, request: DeviceAuthorizationRecord, now: Date): Promise<never> {
  const onTime = await deps.devices.recordPoll(request.id, now, request.intervalSeconds * 1000 - POLL_LENIENCY_MS);
  if (onTime) throw new OAuthError('OAUTH_AUTHORIZATION_PENDING', 'device authorization pending');
  const interval = await deps.devices.slowDown(request.id, now, SLOW_DOWN_STEP_SECONDS);
  // undefined: decided between our read and the update; the next poll gets the decision.
  if (interval === undefined) throw new OAuthError('OAUTH_AUTHORIZATION_PENDING', 'device authorization decided meanwhile');
  throw new OAuthError('OAUTH_SLOW_DOWN', `polling faster than every ${request.intervalSeconds} s`, { interval });
}

/**
 * The approving portal session was revoked (user revoked, signed out, connection disabled) or expired
 * before the CLI collected the approval: the request is now denied, and so is this poll (audited).
 */
async function approvalEnded(deps: OAuthDeps, request: DeviceAuthorizationRecord, meta: RequestMeta): Promise<never> {
  await deps.audit({
    type: 'cli', outcome: 'denied', code: 'OAUTH_ACCESS_DENIED', userId: request.approvedBy, subject: request.claims?.subject, email: request.claims?.email, emailVerified: request.claims?.emailVerified,
    idpId: request.idpId, ip: meta.ip, userAgent: meta.userAgent, detail: { action: 'login', clientId: request.clientId, reason: 'approving session ended' },
  });
  throw new OAuthError('OAUTH_ACCESS_DENIED', 'the session that approved this device has ended');
}

export async function pollDeviceToken(deps: OAuthDeps, deviceCode: string, clientId: string, meta: RequestMeta): Promise<TokenResponse> {
  const now = deps.now();
  if (!TOKEN_SHAPE.test(deviceCode)) throw new OAuthError('OAUTH_INVALID_GRANT', 'malformed device code');
  const request = await deps.devices.findDeviceAuthorization(hashToken(deviceCode));
  if (!request || request.clientId !== clientId || request.status === 'consumed') {
    throw new OAuthError('OAUTH_INVALID_GRANT', 'unknown or already used device code');
  }
  if (request.expiresAt.getTime() <= now.getTime()) throw new OAuthError('OAUTH_EXPIRED_TOKEN', 'device code expired');
  if (request.status === 'denied') throw new OAuthError('OAUTH_ACCESS_DENIED', 'device authorization denied');
  if (request.status === 'pending') return pendingAnswer(deps, request, now);
  const minted = mintTokenPair(deps, now);
  const grantId = randomUUID();
  const absoluteExpiresAt = new Date(now.getTime() + deps.config.cli.refreshMaxHours * 3_600_000);
  const issued = await deps.devices.consumeApprovedDevice(request.id, now, { ...minted.pair, grantId, absoluteExpiresAt });
  if (!issued) throw new OAuthError('OAUTH_INVALID_GRANT', 'device code consumed by a concurrent poll');
  if ('denied' in issued) return approvalEnded(deps, issued.denied, meta);
  const { grant } = issued;
  await deps.audit({
    type: 'cli', outcome: 'ok', userId: grant.userId, subject: grant.claims.subject, email: grant.claims.email, emailVerified: grant.claims.emailVerified, idpId: grant.idpId,
    ip: meta.ip, userAgent: meta.userAgent, expiresAt: grant.absoluteExpiresAt,
    detail: { action: 'login', grantId: grant.id, clientId: grant.clientId },
  });
  return tokenResponse(minted, issued, now);
}
