/**
 * The user's side of the device flow: at /device a signed-in user looks a user code up, sees where the
 * request came from (IP, user agent, time) and approves or denies it. Approving copies the session's id,
 * claims and IdP into the request; the CLI's next poll turns that into its login while that session is
 * still live. Both decisions are audited.
 */
import { normalizeUserCode } from '../../core/device/user-code';
import { GatewayError } from '../../core/errors';
import type { DeviceAuthorizationRecord } from '../../db/repos';
import type { Principal } from '../ports';
import type { RequestMeta } from '../request-meta';
import type { OAuthDeps } from './deps';

export type DeviceDecision = 'approve' | 'deny';

const unknownCode = (why: string) => new GatewayError('DEVICE_CODE_UNKNOWN', why);

/** The pending request a typed user code names; DEVICE_CODE_UNKNOWN if malformed, unknown, expired or decided. */
export async function findDeviceForApproval(deps: Pick<OAuthDeps, 'devices' | 'now'>, typed: string): Promise<DeviceAuthorizationRecord> {
  const userCode = normalizeUserCode(typed);
  if (!userCode) throw unknownCode('malformed user code');
  const request = await deps.devices.findPendingByUserCode(userCode, deps.now());
  if (!request) throw unknownCode('no pending device authorization for this user code');
  return request;
}

/** The approver: who, and the portal session they decide in (its id: collection checks it is still live). */
export type DeviceApprover = Principal & { sessionId: string };

export async function decideDevice(deps: OAuthDeps, who: DeviceApprover, typed: string, decision: DeviceDecision, meta: RequestMeta): Promise<DeviceAuthorizationRecord> {
  const userCode = normalizeUserCode(typed);
  if (!userCode) throw unknownCode('malformed user code');
  const now = deps.now();
  const decided =
    decision === 'approve'
      ? await deps.devices.approveDeviceAuthorization(userCode, who, now)
      : await deps.devices.denyDeviceAuthorization(userCode, who.userId, now);
  if (!decided) throw unknownCode('device authorization unknown, expired or already decided');
  await deps.audit({
    type: 'device',
    outcome: decision === 'approve' ? 'ok' : 'denied',
    userId: who.userId,
    subject: who.claims.subject,
    email: who.claims.email,
    emailVerified: who.claims.emailVerified,
    idpId: who.idpId,
    ip: meta.ip,
    userAgent: meta.userAgent,
    detail: {
      decision,
      clientId: decided.clientId,
      requestIp: decided.ip ?? null,
      requestUserAgent: decided.userAgent ?? null,
      requestedAt: decided.createdAt.toISOString(),
    },
  });
  return decided;
}
