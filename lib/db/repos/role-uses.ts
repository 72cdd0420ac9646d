/**
 * When a person last used which roles, read from their own successful issuances in the audit ledger
 * (issue 15 §4: the picker's "Recent"). Every key download and every console sign-in writes one such row
 * before anything leaves the server, so no second table has to be kept in step with issuance and issuance
 * costs nothing more. One indexed query (AuditEvent userId, at, id), newest first, bounded by `since` and
 * `take`; the retention sweep bounds it too.
 */
import type { Db } from '../client';
import { dbCall } from './db-call';

export interface RoleUse {
  roleArn: string;
  at: Date;
}

/** The most rows one read scans: enough for a frecency ranking, small enough to be a few milliseconds. */
export const ROLE_USES_MAX = 200;

export function createRoleUsesRepo(db: Db) {
  return {
    /** The user's successful issuances at or after `since`, newest first, at most `take` (≤ ROLE_USES_MAX). */
    async listRoleUses(userId: string, since: Date, take = ROLE_USES_MAX): Promise<RoleUse[]> {
      const rows = await dbCall('listRoleUses', () =>
        db.auditEvent.findMany({
          where: { userId, at: { gte: since }, type: 'issuance', outcome: 'ok', roleArn: { not: null } },
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
          select: { roleArn: true, at: true },
          take: Math.min(Math.max(Math.trunc(take), 1), ROLE_USES_MAX),
        }),
      );
      return rows.flatMap((r) => (r.roleArn === null ? [] : [{ roleArn: r.roleArn, at: r.at }]));
    },
  };
}

export type RoleUsesRepo = ReturnType<typeof createRoleUsesRepo>;
