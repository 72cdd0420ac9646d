/**
 * Which connections' sessions survive a change of the live config (issue 12 §3). Disabling a connection
 * (or removing it) ends its portal sessions and CLI logins for good: switching it back on must not
 * revive cookies and tokens from before. So only connections enabled both before and after a change keep
 * their sessions; one switched back on starts clean too (a session that slipped in on an instance that had
 * not yet seen the disable is dropped then).
 */
import { GatewayError } from '../errors';
import { connectionEnabled, type RolegateConfig } from './parse';
import type { SamlConnectionConfig } from './schema';

type Connections = Pick<RolegateConfig, 'idps' | 'samlConnections'>;

/** The ids of every enabled OIDC IdP and SAML connection. */
export function enabledConnectionIds(config: Connections): string[] {
  return [...config.idps, ...config.samlConnections].filter((c) => !c.disabled).map((c) => c.id);
}

/**
 * The connections whose sessions may continue from `before` into `after`: enabled in both. Without a
 * `before` (the first start, or a previous revision that no longer validates) every connection enabled
 * in `after` keeps its sessions.
 */
export function connectionsKept(before: Connections | undefined, after: Connections): string[] {
  const enabled = enabledConnectionIds(after);
  return before ? enabled.filter((id) => connectionEnabled(before, id)) : enabled;
}

/**
 * The SAML connection a sign-in names, if it may be used now: an id that is not configured as a SAML
 * connection (a typo, a removed one, an OIDC IdP's id) is NOT_FOUND; a configured but disabled one is
 * CONNECTION_DISABLED (issue 13 §7: the two were both reported as disabled).
 */
export function enabledSamlConnection(config: Pick<RolegateConfig, 'samlConnections'>, id: string): SamlConnectionConfig {
  const conn = config.samlConnections.find((s) => s.id === id);
  if (!conn) throw new GatewayError('NOT_FOUND', `no SAML connection ${id.slice(0, 64)}`);
  if (conn.disabled) throw new GatewayError('CONNECTION_DISABLED', `SAML connection ${id.slice(0, 64)} is disabled`);
  return conn;
}
