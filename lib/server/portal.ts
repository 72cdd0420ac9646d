import 'server-only';
/**
 * The two hand-backs for a signed-in principal (portal session or CLI login): keys (credentials JSON) and
 * a console login URL. Both go through issueCredentials, so the mapping is re-checked and the audit row
 * written first.
 */
import { consoleDestination } from '../core/console/destination';
import { fetchConsoleLoginUrl } from '../core/console/fetch-login-url';
import { federationEndpointUrl } from '../core/aws/endpoints';
import { GatewayError } from '../core/errors';
import { issueCredentials, type Issued } from '../core/issuance/issue';
import type { RequestContext } from '../core/issuance/audit-event';
import type { Container } from './container';
import type { Principal } from './ports';
import type { RequestMeta } from './request-meta';

/** A principal and the channel it came through (audited with every issuance). */
export interface Requester extends Principal {
  channel: RequestContext['channel'];
}

export { parseRoleRequest, roleRequestSchema } from './role-request';

export async function mintKeys(c: Container, who: Requester, roleId: string, meta: RequestMeta): Promise<Issued> {
  return issueCredentials(c.issuance, who.claims, roleId, { userId: who.userId, ip: meta.ip, userAgent: meta.userAgent, channel: who.channel });
}

/** Issues credentials, exchanges them for a console sign-in token and returns the login URL (a secret). */
export async function consoleLoginUrl(c: Container, who: Requester, input: { roleId: string; service?: string; region?: string }, meta: RequestMeta): Promise<string> {
  const issued = await mintKeys(c, who, input.roleId, meta);
  const { role } = issued.granted;
  const region = input.region ?? role.region;
  const federationUrl = federationEndpointUrl({ partition: role.partition, region: role.region, overrideUrl: c.config.aws.federationUrl });
  const destination = consoleDestination({ partition: role.partition, region, service: input.service, consoleUrlOverride: c.config.aws.consoleUrl });
  const audit = { type: 'console' as const, userId: who.userId, subject: who.claims.subject, email: who.claims.email, emailVerified: who.claims.emailVerified, idpId: who.idpId, roleArn: role.arn, sessionName: issued.sessionName, ip: meta.ip, userAgent: meta.userAgent };
  try {
    const url = await fetchConsoleLoginUrl(c.fetch, { federationUrl, issuer: c.config.publicUrl, destination, credentials: issued.credentials });
    await c.store.audit({ ...audit, outcome: 'ok', expiresAt: new Date(c.now().getTime() + 15 * 60_000), detail: { service: input.service ?? 'home', region, channel: who.channel } });
    return url;
  } catch (err) {
    await c.store.audit({ ...audit, outcome: 'failed', code: err instanceof GatewayError ? err.code : 'INTERNAL' });
    throw err;
  }
}
