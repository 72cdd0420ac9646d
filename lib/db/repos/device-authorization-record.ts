/** Device authorization rows (RFC 8628) as domain records. */
import { GatewayError } from '../../core/errors';
import type { IdentityClaims } from '../../core/types';
import type { DeviceAuthorization as DeviceRow } from '../generated/sqlite/client';
import { parseClaims } from './claims';
import { present } from './db-call';

export type DeviceStatus = 'pending' | 'approved' | 'denied' | 'consumed';
const STATUSES: readonly string[] = ['pending', 'approved', 'denied', 'consumed'] satisfies DeviceStatus[];

export interface DeviceAuthorizationRecord {
  /** SHA-256 of the device code. */
  id: string;
  /** Normalised (8 letters, no dash). */
  userCode: string;
  clientId: string;
  ip?: string;
  userAgent?: string;
  createdAt: Date;
  expiresAt: Date;
  intervalSeconds: number;
  status: DeviceStatus;
  approvedBy?: string;
  /** The approving portal session (PortalSession.id); collecting the approval needs it still live. */
  approvedSession?: string;
  idpId?: string;
  /** The approving session's claims (approved and consumed requests). */
  claims?: IdentityClaims;
  decidedAt?: Date;
  lastPolledAt?: Date;
  grantId?: string;
}

export interface NewDeviceAuthorization {
  id: string;
  userCode: string;
  clientId: string;
  ip?: string;
  userAgent?: string;
  createdAt: Date;
  expiresAt: Date;
  intervalSeconds: number;
}

/** Who approved, in which portal session, with that session's claims and IdP at that moment. */
export interface DeviceApproval {
  userId: string;
  sessionId: string;
  idpId: string;
  claims: IdentityClaims;
}

export function toDeviceRecord(row: DeviceRow): DeviceAuthorizationRecord {
  if (!STATUSES.includes(row.status)) throw new GatewayError('INTERNAL', `device authorization has status ${row.status}`);
  return {
    id: row.id,
    userCode: row.userCode,
    clientId: row.clientId,
    ip: present(row.ip),
    userAgent: present(row.userAgent),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    intervalSeconds: row.intervalSeconds,
    status: row.status as DeviceStatus,
    approvedBy: present(row.approvedBy),
    approvedSession: present(row.approvedSession),
    idpId: present(row.idpId),
    claims: row.claims === null ? undefined : parseClaims(row.claims),
    decidedAt: present(row.decidedAt),
    lastPolledAt: present(row.lastPolledAt),
    grantId: present(row.grantId),
  };
}
