/**
 * The AWS sessions one user may still hold: (role, SourceIdentity) of their successful issuances and
 * SAML-post console sign-ins (which reach AWS without an issuance row; issue 12 §3) within the longest STS
 * session (12 hours), read page by page to the end of that window — a session missed here would stay
 * alive after "revoke this user's AWS sessions".
 */
import { MAX_SESSION_MS } from '../../core/aws/revocation-policy';
import type { RoleDef } from '../../core/types';
import type { AuditEventRecord, AuditQuery } from '../../db/repos';

export const LEDGER_PAGE = 500;

/** The ledger rows that start AWS sessions: issuances, and console rows that carry a SourceIdentity. */
const SESSION_TYPES = ['issuance', 'console'] as const;

export async function recentSessions(
  roles: ReadonlyMap<string, RoleDef>,
  listAudit: (query: AuditQuery) => Promise<AuditEventRecord[]>,
  userId: string,
  at: Date,
): Promise<{ role: RoleDef; sourceIdentity: string }[]> {
  const byArn = new Map([...roles.values()].map((r) => [r.arn, r] as const));
  const pairs = new Map<string, { role: RoleDef; sourceIdentity: string }>();
  for (const type of SESSION_TYPES) {
    const query: AuditQuery = { type, outcome: 'ok', userId, from: new Date(at.getTime() - MAX_SESSION_MS), limit: LEDGER_PAGE };
    for (let rows = await listAudit(query); rows.length > 0; ) {
      for (const row of rows) {
        const role = row.roleArn ? byArn.get(row.roleArn) : undefined;
        const sourceIdentity = row.detail?.sourceIdentity;
        if (role && typeof sourceIdentity === 'string') pairs.set(`${role.id}|${sourceIdentity}`, { role, sourceIdentity });
      }
      const last = rows.at(-1);
      rows = last && rows.length === LEDGER_PAGE ? await listAudit({ ...query, cursor: { at: last.at, id: last.id } }) : [];
    }
  }
  return [...pairs.values()];
}
