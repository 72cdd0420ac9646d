/**
 * The commit of a SAML sign-in (issue 12 §7): consuming the AuthnRequest, recording the assertion ID in
 * the replay cache, upserting the user and creating the portal session happen in one transaction, after
 * every check of the response passed. A post that fails any check (a wrong InResponseTo, another
 * browser's request, claims that do not map) therefore spends neither the request nor the assertion, and
 * a session never exists without its assertion being recorded. The rows themselves are the arbiters
 * across instances: of two commits of one request or one assertion, the second finds the request gone or
 * hits the replay table's primary key, and rolls back.
 */
import { GatewayError } from '../../core/errors';
import type { Db } from '../client';
import { Prisma } from '../generated/sqlite/client';
import { dbCall } from './db-call';
import { newSessionRow, toSessionRecord, type NewSession, type SessionRecord } from './sessions';
import { loginUpsertArgs, toUserRecord, type LoginIdentity, type UserRecord } from './users';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface SamlSignIn {
  connectionId: string;
  /** The AuthnRequest the response answers; absent for an allowed IdP-initiated response. */
  requestId?: string;
  assertionId: string;
  /** Until when the assertion ID stays in the replay cache (its NotOnOrAfter plus skew). */
  replayUntil: Date;
  identity: LoginIdentity;
  session: Omit<NewSession, 'userId'>;
  now: Date;
}

function refused(code: 'SAML_REPLAY' | 'SAML_IN_RESPONSE_TO_MISMATCH', message: string): GatewayError {
  return new GatewayError(code, message);
}

async function consumeRequest(tx: Tx, s: SamlSignIn): Promise<void> {
  if (s.requestId === undefined) return;
  const { count } = await tx.samlRequest.deleteMany({
    where: { id: s.requestId, connectionId: s.connectionId, expiresAt: { gt: s.now } },
  });
  if (count !== 1) throw refused('SAML_IN_RESPONSE_TO_MISMATCH', 'the AuthnRequest was answered or expired meanwhile');
}

/** Records an ID in the replay cache (an assertion's, or a LogoutRequest's: saml-logout.ts); SAML_REPLAY when known. */
export async function recordAssertion(tx: Tx, s: Pick<SamlSignIn, 'connectionId' | 'assertionId' | 'replayUntil' | 'now'>): Promise<void> {
  const { connectionId, assertionId } = s;
  // An expired leftover (not purged yet) no longer guards anything: it gives way to this sighting.
  await tx.samlReplay.deleteMany({ where: { connectionId, assertionId, expiresAt: { lte: s.now } } });
  try {
    await tx.samlReplay.create({ data: { connectionId, assertionId, expiresAt: s.replayUntil, createdAt: s.now } });
  } catch (e) {
    // PostgreSQL aborts the transaction here; throwing rolls it back on both dialects.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw refused('SAML_REPLAY', 'assertion ID already used');
    throw e;
  }
}

export function createSamlSignInRepo(db: Db) {
  return {
    /**
     * Commits a validated sign-in; resolves with the user and the new session. Rejects with SAML_REPLAY
     * or SAML_IN_RESPONSE_TO_MISMATCH when another post won the race, and then nothing was written.
     */
    acceptSamlSignIn: (s: SamlSignIn): Promise<{ user: UserRecord; session: SessionRecord }> =>
      dbCall('acceptSamlSignIn', () =>
        db.$transaction(async (tx) => {
          await consumeRequest(tx, s);
          await recordAssertion(tx, s);
          const user = toUserRecord(await tx.user.upsert(loginUpsertArgs(s.identity, s.now)));
          const row = await tx.portalSession.create({ data: newSessionRow({ ...s.session, userId: user.id }) });
          return { user, session: toSessionRecord(row, s.session.claims) };
        }),
      ),
  };
}

export type SamlSignInRepo = ReturnType<typeof createSamlSignInRepo>;
