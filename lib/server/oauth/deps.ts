/**
 * What the device flow and the CLI token endpoints need: the `cli` config, the two repos, the audit sink,
 * a clock and a token source. container.ts wires the real ones; tests wire a clock they control.
 */
import { randomBytes } from 'node:crypto';
import type { RolegateConfig } from '../../core/config/parse';
import type { AuditSink } from '../../core/issuance/audit-event';
import type { Repos } from '../../db/repos';

/** The one client of these endpoints: the public CLI client (no secret; RFC 8628 §3.1, RFC 6749 §2.1). */
export const CLI_CLIENT_ID = 'rolegate-cli';
export const DEVICE_CODE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';

export interface OAuthDeps {
  config: Pick<RolegateConfig, 'publicUrl' | 'cli'>;
  devices: Repos['deviceAuthorizations'];
  grants: Repos['cliGrants'];
  audit: AuditSink;
  now: () => Date;
  /** A new bearer secret: 32 random bytes, base64url (43 characters). */
  newToken: () => string;
}

export const randomToken = (): string => randomBytes(32).toString('base64url');

/** Device codes, access and refresh tokens are all `randomToken()`s: anything else is not ours. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
