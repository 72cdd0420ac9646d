/**
 * Time-limited role grants (issue 5 §3). The rules are the core's (lib/core/policy/grant-rules.ts); this
 * repo applies them inside one transaction per transition, so a bad request changes nothing and racing
 * decisions stay correct:
 * - every decision starts with a conditional write on the pending grant row (`status` pending → pending).
 *   On PostgreSQL that row lock makes a second decision wait for the first to commit and then re-read the
 *   approvals (no lost N-th approval, no double activation); SQLite serialises writers anyway;
 * - (grantId, approverUserId) is unique, so one approver is stored once whatever happens.
 */
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../../core/errors';
import { checkRevoke, decideGrant, type GrantActor, type GrantDecisionResult, type NewGrant } from '../../core/policy/grant-rules';
import type { Grant, GrantDecision, GrantStatus } from '../../core/policy/grants';
import type { Db } from '../client';
import type { RoleGrant as GrantRow, RoleGrantApproval as ApprovalRow } from '../generated/sqlite/client';
import { dbCall, present } from './db-call';

export type { Grant } from '../../core/policy/grants';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

function toGrant(row: GrantRow & { approvals: ApprovalRow[] }): Grant {
  return {
    id: row.id,
    roleId: row.roleId,
    userId: present(row.userId),
    email: present(row.email),
    emailIdp: present(row.emailIdp),
    reason: row.reason,
    requestedBy: row.requestedBy,
    requestedByEmail: present(row.requestedByEmail),
    requestedAt: row.requestedAt,
    startsAt: row.startsAt,
    durationSeconds: row.durationSeconds,
    requiredApprovals: row.requiredApprovals,
    status: row.status as GrantStatus,
    activatedAt: present(row.activatedAt),
    revokedAt: present(row.revokedAt),
    revokedBy: present(row.revokedBy),
    approvals: row.approvals
      .map((a) => ({ approverUserId: a.approverUserId, approverEmail: present(a.approverEmail), decision: a.decision as GrantDecision, at: a.at }))
      .sort((a, b) => a.at.getTime() - b.at.getTime()),
  };
}

const withApprovals = { approvals: true } as const;

async function load(tx: Tx | Db, id: string): Promise<Grant> {
  const row = await tx.roleGrant.findUnique({ where: { id }, include: withApprovals });
  if (!row) throw new GatewayError('NOT_FOUND', `grant ${id.slice(0, 64)} not found`);
  return toGrant(row);
}

export interface GrantTransition {
  before: Grant;
  after: Grant;
}

export function createRoleGrantsRepo(db: Db) {
  return {
    async createGrant(grant: NewGrant): Promise<Grant> {
      const row = await dbCall('createGrant', () =>
        db.roleGrant.create({
          data: { id: randomUUID(), ...grant, userId: grant.userId ?? null, email: grant.email ?? null, emailIdp: grant.emailIdp ?? null, requestedByEmail: grant.requestedByEmail ?? null, activatedAt: grant.activatedAt ?? null },
          include: withApprovals,
        }),
      );
      return toGrant(row);
    },

    getGrant: (id: string): Promise<Grant | null> =>
      dbCall('getGrant', async () => {
        const row = await db.roleGrant.findUnique({ where: { id }, include: withApprovals });
        return row ? toGrant(row) : null;
      }),

    /** The newest grants first (the admin list). */
    listGrants: (limit = 200): Promise<Grant[]> =>
      dbCall('listGrants', async () => (await db.roleGrant.findMany({ orderBy: { requestedAt: 'desc' }, take: limit, include: withApprovals })).map(toGrant)),

    /** Every active grant (the reverse preview evaluates many users at once with one query). */
    listActive: (): Promise<Grant[]> =>
      dbCall('listActiveGrants', async () => (await db.roleGrant.findMany({ where: { status: 'active', revokedAt: null }, include: withApprovals })).map(toGrant)),

    /** The access requests a user made for themself, newest first (their requests page). */
    requestsBy: (userId: string, limit = 50): Promise<Grant[]> =>
      dbCall('grantRequestsBy', async () =>
        (await db.roleGrant.findMany({ where: { requestedBy: userId, userId }, orderBy: { requestedAt: 'desc' }, take: limit, include: withApprovals })).map(toGrant)),

    /**
     * Active grants naming this user id or this IdP's verified email — read at every issuance and role
     * listing. The core re-decides which of them apply (an email grant needs that IdP's verified email
     * claim) and whether each is within its window now.
     */
    activeGrantsFor: (userId: string, verified: { idp: string; email: string } | undefined): Promise<Grant[]> =>
      dbCall('activeGrantsFor', async () => {
        const who = verified ? [{ userId }, { email: verified.email.toLowerCase(), emailIdp: verified.idp }] : [{ userId }];
        const rows = await db.roleGrant.findMany({ where: { status: 'active', revokedAt: null, OR: who }, include: withApprovals });
        return rows.map(toGrant);
      }),

    /** One admin's approval or rejection, checked by the core's rules, applied atomically. */
    decide: (id: string, approver: GrantActor, decision: GrantDecision, now: Date): Promise<GrantTransition & { result: GrantDecisionResult }> =>
      dbCall('decideGrant', () =>
        db.$transaction(async (tx) => {
          await tx.roleGrant.updateMany({ where: { id, status: 'pending' }, data: { status: 'pending' } });
          const before = await load(tx, id);
          const result = decideGrant(before, approver, decision, now);
          await tx.roleGrantApproval.create({ data: { id: randomUUID(), grantId: id, approverUserId: approver.userId, approverEmail: approver.email ?? null, decision, at: now } });
          if (result.status !== 'pending') {
            const { count } = await tx.roleGrant.updateMany({ where: { id, status: 'pending' }, data: { status: result.status, activatedAt: result.activatedAt ?? null } });
            if (count !== 1) throw new GatewayError('GRANT_STATE_CONFLICT', `grant ${id} changed under a decision`);
          }
          return { before, after: await load(tx, id), result };
        }),
      ).catch((e: unknown) => {
        // The unique (grant, approver) index caught a concurrent second decision by the same admin.
        throw e instanceof GatewayError && e.code === 'DB_CONFLICT' ? new GatewayError('GRANT_ALREADY_DECIDED', `${approver.userId} raced on ${id}`, { cause: e }) : e;
      }),

    /** Ends a pending or active grant now; issuance refuses it from this moment. */
    revoke: (id: string, actor: GrantActor, now: Date): Promise<GrantTransition> =>
      dbCall('revokeGrant', () =>
        db.$transaction(async (tx) => {
          const before = await load(tx, id);
          checkRevoke(before, actor);
          const { count } = await tx.roleGrant.updateMany({
            where: { id, status: { in: ['pending', 'active'] } },
            data: { status: 'revoked', revokedAt: now, revokedBy: actor.userId },
          });
          if (count !== 1) throw new GatewayError('GRANT_STATE_CONFLICT', `grant ${id} was revoked or decided meanwhile`);
          return { before, after: await load(tx, id) };
        }),
      ),
  };
}

export type RoleGrantsRepo = ReturnType<typeof createRoleGrantsRepo>;
