import 'server-only';
/**
 * Console sign-in for SAML-delivered roles by posting Rolegate's signed assertion to AWS's sign-in /saml
 * endpoint (what ADFS-style IdPs do). The assertion is a 5-minute bearer secret: it only ever travels in
 * this no-store auto-submitting form, and the audit row (with its SourceIdentity, so that "revoke this
 * user's AWS sessions" finds it) is written before it leaves. Its sessions end at SessionNotOnOrAfter.
 *
 * A role with session policies, or held through a grant, never gets an assertion in the page (issue 12
 * §4, ../core/issuance/session-window.ts `consoleDelivery`): it is assumed server-side with its policies
 * and signed in through getSigninToken, exactly as /api/aws/console does (consoleLoginUrl).
 */
import { consoleDestination } from '../core/console/destination';
import { GatewayError } from '../core/errors';
import { awsSamlResponse } from '../core/issuance/assume';
import type { HeldRole } from '../core/issuance/held-roles';
import { authorizeRole, sessionFacts } from '../core/issuance/issue';
import { consoleDelivery } from '../core/issuance/session-window';
import type { Container } from './container';
import { sessionPrincipal, type ActiveSession } from './ports';
import { consoleLoginUrl } from './portal';
import type { RequestMeta } from './request-meta';

export interface SamlConsoleForm {
  action: string;
  samlResponse: string;
  relayState: string;
}

/** The page to send: the auto-posting form, or a redirect to the federation login URL (a secret). */
export type SamlConsoleAnswer = { kind: 'form'; form: SamlConsoleForm } | { kind: 'redirect'; url: string };

export async function samlConsole(c: Container, session: ActiveSession, input: { roleId: string; service?: string }, meta: RequestMeta): Promise<SamlConsoleAnswer> {
  const ctx = { userId: session.user.id, ip: meta.ip, userAgent: meta.userAgent, channel: 'web' as const };
  const granted = await authorizeRole(c.issuance, session.claims, input.roleId, ctx, 'console');
  const { role } = granted;
  if (role.delivery !== 'saml') throw new GatewayError('BAD_REQUEST', 'role is not SAML-delivered', { publicDetail: 'This role signs in through web identity; use Console.' });
  if (consoleDelivery(granted) === 'federation') {
    return { kind: 'redirect', url: await consoleLoginUrl(c, { ...sessionPrincipal(session), channel: 'web' }, input, meta) };
  }
  return { kind: 'form', form: await samlPostForm(c, session, granted, input, meta) };
}

async function samlPostForm(c: Container, session: ActiveSession, granted: HeldRole, input: { service?: string }, meta: RequestMeta): Promise<SamlConsoleForm> {
  const { role } = granted;
  const facts = sessionFacts(granted, session.claims, session.user.id, c.now());
  const { recipient, samlResponse } = await awsSamlResponse(c.issuance, role, facts);
  const relayState = consoleDestination({ partition: role.partition, region: role.region, service: input.service, consoleUrlOverride: c.config.aws.consoleUrl });
  await c.store.audit({
    type: 'console', outcome: 'ok', userId: session.user.id, subject: session.claims.subject, email: session.claims.email, emailVerified: session.claims.emailVerified, idpId: session.idpId,
    roleArn: role.arn, sessionName: facts.sessionName, ip: meta.ip, userAgent: meta.userAgent,
    expiresAt: new Date(c.now().getTime() + c.config.samlIdp.assertionLifetimeSeconds * 1000), detail: { delivery: 'saml', via: 'saml-post', region: role.region, sourceIdentity: facts.sourceIdentity, sessionNotOnOrAfter: facts.window.notOnOrAfter.toISOString() },
  });
  return { action: recipient, samlResponse, relayState };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The auto-submitting page. Inline script carries the CSP nonce set by proxy.ts. */
export function samlConsoleHtml(form: SamlConsoleForm, nonce: string | null): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>Signing in to AWS…</title></head>
<body><form id="f" method="post" action="${escapeHtml(form.action)}">
<input type="hidden" name="SAMLResponse" value="${escapeHtml(form.samlResponse)}">
<input type="hidden" name="RelayState" value="${escapeHtml(form.relayState)}">
<noscript><button type="submit">Continue to the AWS console</button></noscript></form>
<script${nonce ? ` nonce="${escapeHtml(nonce)}"` : ''}>document.getElementById('f').submit();</script></body></html>`;
}
