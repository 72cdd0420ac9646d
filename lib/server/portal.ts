import 'server-only';
/**
 * The portal's two hand-backs for a signed-in session: keys (credentials JSON) and a console login URL.
 * Both go through issueCredentials, so the mapping is re-checked and the audit row written first.
 */
import { z } from 'zod';
import { consoleDestination } from '../core/console/destination';
import { fetchConsoleLoginUrl } from '../core/console/fetch-login-url';
import { federationEndpointUrl } from '../core/aws/endpoints';
import { GatewayError } from '../core/errors';
import { issueCredentials, type Issued } from '../core/issuance/issue';
import type { Container } from './container';
import type { ActiveSession } from './ports';
import type { RequestMeta } from './request-meta';

export const roleRequestSchema = z.object({
  roleId: z.string().min(3).max(200),
  service: z.string().regex(/^[a-z0-9-]{1,40}$/).optional().or(z.literal('').transform(() => undefined)),
});

export function parseRoleRequest(body: Record<string, unknown>): z.output<typeof roleRequestSchema> {
  const parsed = roleRequestSchema.safeParse(body);
  if (!parsed.success) throw new GatewayError('BAD_REQUEST', 'invalid role request', { publicDetail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  return parsed.data;
}

export async function mintKeys(c: Container, session: ActiveSession, roleId: string, meta: RequestMeta): Promise<Issued> {
  return issueCredentials(c.issuance, session.claims, roleId, { userId: session.user.id, ip: meta.ip, userAgent: meta.userAgent, channel: 'web' });
}

/** Issues credentials, exchanges them for a console sign-in token and returns the login URL (a secret). */
export async function consoleLoginUrl(c: Container, session: ActiveSession, input: { roleId: string; service?: string }, meta: RequestMeta): Promise<string> {
  const issued = await mintKeys(c, session, input.roleId, meta);
  const { role } = issued.granted;
  const federationUrl = federationEndpointUrl({ partition: role.partition, region: role.region, overrideUrl: c.config.aws.federationUrl });
  const destination = consoleDestination({ partition: role.partition, region: role.region, service: input.service, consoleUrlOverride: c.config.aws.consoleUrl });
  const audit = { type: 'console' as const, userId: session.user.id, subject: session.claims.subject, email: session.claims.email, idpId: session.idpId, roleArn: role.arn, sessionName: issued.sessionName, ip: meta.ip, userAgent: meta.userAgent };
  try {
    const url = await fetchConsoleLoginUrl(c.fetch, { federationUrl, issuer: c.config.publicUrl, destination, credentials: issued.credentials });
    await c.store.audit({ ...audit, outcome: 'ok', expiresAt: new Date(c.now().getTime() + 15 * 60_000), detail: { service: input.service ?? 'home', region: role.region } });
    return url;
  } catch (err) {
    await c.store.audit({ ...audit, outcome: 'failed', code: err instanceof GatewayError ? err.code : 'INTERNAL' });
    throw err;
  }
}
