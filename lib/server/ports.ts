/**
 * What the server glue needs from storage, as plain domain functions. container.ts wires them to the
 * Prisma repos; tests can wire fakes.
 */
import type { AuditSink } from '../core/issuance/audit-event';
import type { SamlSessionRef } from '../core/saml/sp/types';
import type { IdentityClaims } from '../core/types';

export interface SessionUser {
  id: string;
  issuer: string;
  subject: string;
  email?: string | null;
  name?: string | null;
}

export interface ActiveSession {
  id: string;
  user: SessionUser;
  idpId: string;
  claims: IdentityClaims;
  createdAt: Date;
  expiresAt: Date;
  /** The SAML sign-in's NameID and SessionIndex, for single logout (issue 13 §5). */
  saml?: SamlSessionRef;
}

/** Who a request acts for, whatever authenticated it: the claims every authorisation decision is made on. */
export interface Principal {
  userId: string;
  idpId: string;
  claims: IdentityClaims;
}

export function sessionPrincipal(session: ActiveSession): Principal {
  return { userId: session.user.id, idpId: session.idpId, claims: session.claims };
}

export interface Store {
  upsertUserOnLogin(input: { issuer: string; subject: string; email?: string; emailVerified?: boolean; name?: string }): Promise<SessionUser>;
  createSession(input: { id: string; userId: string; idpId: string; claims: IdentityClaims; ip?: string; userAgent?: string; expiresAt: Date }): Promise<void>;
  getActiveSession(id: string, now: Date): Promise<ActiveSession | null>;
  revokeSession(id: string, now: Date): Promise<void>;
  audit: AuditSink;
}
