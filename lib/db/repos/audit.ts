/**
 * The append-only audit ledger. This module has no update; the one delete is the retention sweep of
 * audit-query.ts (rows older than the retention). Only this module and the sign-in failure roll-up
 * (signin-failures.ts, which appends through newAuditRow) write the table. `appendAudit` resolves only after the row is committed, so an issuance can be audited before
 * credentials leave the server (STYLE.md rule 8).
 */
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../../core/errors';
import type { Db } from '../client';
import type { AuditEvent as AuditRow } from '../generated/sqlite/client';
import { parseAuditDetail, serializeAuditDetail } from './audit-detail';
import {
  AUDIT_LIST_MAX,
  isAuditOutcome,
  isAuditType,
  type AuditEventInput,
  type AuditEventRecord,
  type AuditQuery,
} from './audit-types';
import { findAuditRows, purgeAuditOlderThan } from './audit-query';
import { dbCall, present } from './db-call';

export type {
  AuditDetail,
  AuditEventInput,
  AuditEventRecord,
  AuditOutcome,
  AuditQuery,
  AuditType,
  JsonValue,
} from './audit-types';

function toAuditRecord(row: AuditRow): AuditEventRecord {
  const { type, outcome } = row;
  if (!isAuditType(type) || !isAuditOutcome(outcome)) {
    throw new GatewayError(
      'INTERNAL',
      `audit event ${row.id} has type ${type}, outcome ${outcome}`,
    );
  }
  return {
    id: row.id,
    at: row.at,
    type,
    outcome,
    userId: present(row.userId),
    subject: present(row.subject),
    email: present(row.email),
    emailVerified: present(row.emailVerified),
    idpId: present(row.idpId),
    roleArn: present(row.roleArn),
    sessionName: present(row.sessionName),
    requestId: present(row.requestId),
    code: present(row.code),
    ip: present(row.ip),
    userAgent: present(row.userAgent),
    expiresAt: present(row.expiresAt),
    detail: parseAuditDetail(row.detail),
  };
}

/** The row of a new event (also appended inside the sign-in failure roll-up's transaction). */
export function newAuditRow(event: AuditEventInput): AuditRow {
  // Checked at runtime too: callers in plain JS or with widened strings must not write unknown types.
  if (!isAuditType(event.type) || !isAuditOutcome(event.outcome)) {
    throw new GatewayError(
      'INTERNAL',
      `audit event with type ${event.type}, outcome ${event.outcome}`,
    );
  }
  return {
    id: randomUUID(),
    at: event.at ?? new Date(),
    type: event.type,
    outcome: event.outcome,
    userId: event.userId ?? null,
    subject: event.subject ?? null,
    email: event.email ?? null,
    // Only meaningful beside an email.
    emailVerified: event.email ? (event.emailVerified ?? null) : null,
    idpId: event.idpId ?? null,
    roleArn: event.roleArn ?? null,
    sessionName: event.sessionName ?? null,
    requestId: event.requestId ?? null,
    code: event.code ?? null,
    ip: event.ip ?? null,
    userAgent: event.userAgent ?? null,
    expiresAt: event.expiresAt ?? null,
    detail: event.detail ? serializeAuditDetail(event.detail) : null,
  };
}

export function createAuditRepo(db: Db) {
  return {
    /** Resolves once the event is durable; rejects (GatewayError) if it could not be written. */
    async appendAudit(event: AuditEventInput): Promise<AuditEventRecord> {
      const data = newAuditRow(event);
      const row = await dbCall('appendAudit', () => db.auditEvent.create({ data }));
      return toAuditRecord(row);
    },

    /** Newest first; `limit` 1–AUDIT_LIST_MAX. A legacy `before` (time only) still works for older callers. */
    async listAudit(query: AuditQuery): Promise<AuditEventRecord[]> {
      const take = Math.min(Math.max(Math.trunc(query.limit), 1), AUDIT_LIST_MAX);
      const { before, cursor, limit: _limit, ...filter } = query;
      const to = before && (!filter.to || before < filter.to) ? before : filter.to;
      const rows = await dbCall('listAudit', () => findAuditRows(db, { ...filter, to }, cursor, take));
      return rows.map(toAuditRecord);
    },

    /** The retention sweep (lib/server/audit-retention.ts): rows strictly older than `cutoff` go. */
    purgeOlderThan: (cutoff: Date) => purgeAuditOlderThan(db, cutoff),
  };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;
