import 'server-only';
/**
 * Switching the lock-down (issue 5 §5): validated, recorded as a `lockdown` event and an admin change.
 * Switching it on also denies every device authorization in flight (issue 12 §3): a CLI login approved
 * before the lock-down is not collected during it.
 */
import { z } from 'zod';
import { freeText } from '../../core/text/free-text';
import type { LockdownState } from '../../core/issuance/lockdown';
import type { JsonValue } from '../../db/repos/audit-types';
import type { AdminContext, MutationResult } from './route';

export const lockdownSchema = z.discriminatedUnion('enabled', [
  z.object({ enabled: z.literal(true), reason: freeText().trim().min(3, 'say why (3–500 characters)').max(500) }).strict(),
  z.object({ enabled: z.literal(false), reason: freeText().trim().max(500).optional() }).strict(),
]);

export function lockdownJson(s: LockdownState): { [k: string]: JsonValue } {
  return { enabled: s.enabled, reason: s.reason ?? null, since: s.since?.toISOString() ?? null, by: s.by ?? null };
}

export async function switchLockdown({ c, session, meta }: AdminContext, input: z.infer<typeof lockdownSchema>): Promise<MutationResult<{ lockdown: { [k: string]: JsonValue } }>> {
  const now = c.now();
  const next: LockdownState = input.enabled ? { enabled: true, reason: input.reason, since: now, by: session.user.id } : { enabled: false, reason: input.reason, by: session.user.id };
  const { before, after } = await c.repos.settings.setLockdown(next, now);
  const deniedDevices = input.enabled ? await c.repos.deviceAuthorizations.denyInFlight({ all: true }, now) : 0;
  await c.repos.audit.appendAudit({
    type: 'lockdown',
    outcome: 'ok',
    userId: session.user.id,
    email: session.claims.email,
    emailVerified: session.claims.emailVerified,
    idpId: session.idpId,
    ip: meta.ip,
    userAgent: meta.userAgent,
    detail: { enabled: after.enabled, reason: input.reason ?? null, wasEnabled: before.enabled, deniedDeviceCodes: deniedDevices },
  });
  return {
    change: { action: input.enabled ? 'lockdown.enable' : 'lockdown.disable', target: 'lockdown', before: lockdownJson(before), after: lockdownJson(after) },
    body: { lockdown: lockdownJson(after) },
  };
}
