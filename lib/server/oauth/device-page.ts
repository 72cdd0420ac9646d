/**
 * What the /device approval page shows, and the form it posts. The page never shows the device code —
 * only what helps the user decide whether this request is theirs: where and when it came from.
 */
import { z } from 'zod';
import { formatUserCode } from '../../core/device/user-code';
import { isGatewayError } from '../../core/errors';
import { freeText, inputRefusal } from '../../core/text/free-text';
import type { OAuthDeps } from './deps';
import { findDeviceForApproval } from './approval';
import type { RateLimiter } from '../rate-limit';
import { enforceRateLimit } from '../rate-limit';

/**
 * The User-Agent is whatever the terminal sent with its device code request: anyone can claim to be
 * "aws-cli". The page says so next to it, so nobody approves because of it.
 */
export const USER_AGENT_LABEL = 'reported by the client, not verified';

export type DevicePageView =
  | { kind: 'enter' }
  | { kind: 'unknown'; code: 'DEVICE_CODE_UNKNOWN' | 'RATE_LIMITED' }
  | { kind: 'request'; userCode: string; ip?: string; userAgent?: string; userAgentLabel: typeof USER_AGENT_LABEL; clientId: string; requestedAt: Date; expiresAt: Date };

/** Looks the typed code up for this user (rate-limited per user: user codes are short). */
export async function loadDevicePage(deps: Pick<OAuthDeps, 'devices' | 'now'>, limiter: RateLimiter, userId: string, typed: string | undefined): Promise<DevicePageView> {
  if (!typed) return { kind: 'enter' };
  try {
    await enforceRateLimit(limiter, `device:${userId}`);
    const r = await findDeviceForApproval(deps, typed);
    return { kind: 'request', userCode: formatUserCode(r.userCode), ip: r.ip, userAgent: r.userAgent, userAgentLabel: USER_AGENT_LABEL, clientId: r.clientId, requestedAt: r.createdAt, expiresAt: r.expiresAt };
  } catch (err) {
    if (isGatewayError(err) && (err.code === 'DEVICE_CODE_UNKNOWN' || err.code === 'RATE_LIMITED')) return { kind: 'unknown', code: err.code };
    throw err;
  }
}

const decisionSchema = z.object({
  user_code: freeText().min(1).max(32),
  decision: z.enum(['approve', 'deny']),
});

/** The approval form's body; BAD_REQUEST for anything else. */
export function parseDeviceDecision(body: Record<string, unknown>): { userCode: string; decision: 'approve' | 'deny' } {
  const parsed = decisionSchema.safeParse(body);
  if (!parsed.success) throw inputRefusal(parsed.error);
  return { userCode: parsed.data.user_code, decision: parsed.data.decision };
}

/** "12 seconds ago", "1 minute ago", "3 minutes ago" (device requests live minutes, not hours). */
export function formatAgo(from: Date, now: Date): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'} ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'} ago`;
}
