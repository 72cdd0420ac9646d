/**
 * Run whenever a new config revision is written (an admin edit or import, or a changed file at start):
 * everything that came through a connection now disabled or removed — or switched back on — is revoked
 * (issue 12 §3; which ones: ../core/config/live-connections.ts), and audited when anything was.
 * Instances that merely adopt the revision need not: the writer revoked in the shared database.
 */
import { connectionsKept } from '../core/config/live-connections';
import type { RolegateConfig } from '../core/config/parse';
import type { AuditEventInput, ConnectionAccessRepo } from '../db/repos';

export interface ConnectionRevocationDeps {
  repo: ConnectionAccessRepo;
  appendAudit: (event: AuditEventInput) => Promise<unknown>;
  now: () => Date;
}

export async function revokeDisabledConnections(deps: ConnectionRevocationDeps, before: RolegateConfig | undefined, after: RolegateConfig): Promise<void> {
  const kept = connectionsKept(before, after);
  const revoked = await deps.repo.revokeOutside(kept, deps.now());
  if (revoked.sessions + revoked.cliLogins + revoked.deviceApprovals === 0) return;
  await deps.appendAudit({ type: 'revocation', outcome: 'ok', detail: { action: 'connection.revoke-access', keptConnections: kept.join(','), ...revoked } });
}
