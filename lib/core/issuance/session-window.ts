/**
 * How long an AWS session may last, and how a console sign-in must be made, for a role the principal holds
 * (issue 12 §4). Both are decided here, from the HeldRole, so every path (keys, console link, SAML post)
 * honours the same limits.
 */
import type { HeldRole } from './held-roles';

export interface SessionWindow {
  /** SessionDuration / DurationSeconds: the role's limit, already capped to a grant's remaining time. */
  durationSeconds: number;
  /** When any session made now must have ended: the earlier of the role's limit and the grant's end. */
  notOnOrAfter: Date;
}

/**
 * The window of a session started at `now`. A grant-held role's `maxSessionDurationSeconds` is already
 * capped to the grant (held-roles.ts), but never below STS's 900 s; SessionNotOnOrAfter carries the exact
 * end, which AWS applies when it is the lesser ([UG id_roles_providers_create_saml_assertions]).
 */
export function sessionWindow(held: HeldRole, now: Date): SessionWindow {
  const durationSeconds = held.role.maxSessionDurationSeconds;
  const byRole = now.getTime() + durationSeconds * 1000;
  const end = held.grant ? Math.min(byRole, held.grant.endsAt.getTime()) : byRole;
  return { durationSeconds, notOnOrAfter: new Date(end) };
}

/**
 * How a SAML-delivered role reaches the console. Posting the signed assertion through the browser hands
 * it a bearer credential anyone can replay to AssumeRoleWithSAML within its lifetime: without the role's
 * session policies (STS takes them as parameters, not from the assertion) and regardless of a grant
 * ending or being revoked. So a role with session policies, and any role held only through a grant or an
 * access request, is assumed server-side and signed in through getSigninToken instead ('federation').
 */
export function consoleDelivery(held: HeldRole): 'saml-post' | 'federation' {
  const { role } = held;
  const scoped = !!role.sessionPolicy || role.managedPolicyArns.length > 0;
  return scoped || held.grant ? 'federation' : 'saml-post';
}
