/**
 * Lock-down (issue 5 §5): one switch that stops every issuance — keys, console links, CLI
 * credential_process, SAML delivery — except for break-glass admins. Checked at the top of authorizeRole,
 * the one gate every issuance path passes, against the state read from the store at that moment, so
 * switching it on takes effect at the next request. A refused issuance is audited like any denial.
 */
import type { IdpEmail } from '../config/schema';
import { GatewayError } from '../errors';
import { matchesIdpEmail } from '../policy/admin';
import type { IdentityClaims } from '../types';
import type { AuditSink, AuditType, RequestContext } from './audit-event';

export interface LockdownState {
  enabled: boolean;
  /** Why (shown in the banner and the audit log); bounded by the admin route. */
  reason?: string;
  since?: Date;
  /** The admin's user id. */
  by?: string;
}

export const LOCKDOWN_OFF: LockdownState = { enabled: false };

export interface LockdownDeps {
  lockdown: () => Promise<LockdownState>;
  breakGlassEmails: readonly IdpEmail[];
  audit: AuditSink;
}

/**
 * Only an email verified by the IdP named for it counts: an unverified one is whatever the user typed into
 * their IdP profile, and the same address from another IdP is another identity.
 */
export function isBreakGlass(claims: Pick<IdentityClaims, 'idpId' | 'email' | 'emailVerified'>, breakGlassEmails: readonly IdpEmail[]): boolean {
  return matchesIdpEmail(claims, breakGlassEmails);
}

/** Throws ISSUANCE_LOCKED (after auditing the refusal) while a lock-down is on, unless break-glass. */
export async function assertIssuanceOpen(deps: LockdownDeps, claims: IdentityClaims, roleId: string, ctx: RequestContext, purpose: AuditType): Promise<void> {
  const state = await deps.lockdown();
  if (!state.enabled) return;
  const breakGlass = isBreakGlass(claims, deps.breakGlassEmails);
  if (breakGlass) return;
  await deps.audit({
    type: 'denial',
    outcome: 'denied',
    code: 'ISSUANCE_LOCKED',
    userId: ctx.userId,
    subject: claims.subject,
    email: claims.email,
    emailVerified: claims.emailVerified,
    idpId: claims.idpId,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    detail: { requestedRoleId: roleId.slice(0, 200), purpose, channel: ctx.channel },
  });
  throw new GatewayError('ISSUANCE_LOCKED', `lock-down: issuance to ${ctx.userId} refused`);
}
