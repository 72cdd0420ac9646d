/**
 * The failure recorder of every unauthenticated sign-in endpoint (the SAML ACS, next-auth's OIDC
 * callback): counted per address (IPv6: per /64), code, connection and minute, reaching the ledger as one
 * row with the count (lib/db/repos/signin-failures.ts), so a flood of failed posts or forged callbacks
 * cannot append a row each. `idpId` is '' for a connection that is not configured.
 */
import type { GatewayErrorCode } from '../core/errors';
import type { Repos } from '../db/repos';
import { metrics } from './metrics';
import { ipBucket } from './per-ip-limit';
import type { RequestMeta } from './request-meta';

export function countSigninFailures(
  repos: Pick<Repos, 'signinFailures'>,
  now: () => Date,
  meta: RequestMeta,
  idpId: string,
): (code: GatewayErrorCode) => Promise<void> {
  return async (code) => {
    await repos.signinFailures.recordSigninFailure({ at: now(), ip: ipBucket(meta.ip), code, idpId });
    metrics().signins.inc({ idp: idpId, outcome: 'failed', code });
  };
}
