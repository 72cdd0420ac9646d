/**
 * Revoking issued AWS sessions (AWS-FACTS §1.5; IAM User Guide "Revoking IAM role temporary security
 * credentials"): an inline role policy that denies everything to sessions issued before a moment.
 * - For a role: `AWSRevokeOlderSessions`, the document the IAM console writes.
 * - For one person: one statement per SourceIdentity in `RolegateRevokedSourceIdentities`, so other
 *   people's sessions in the role keep working. Statements older than the longest possible session
 *   (12 h) are pruned — every session they could deny has expired — which keeps the role under IAM's
 *   10,240-character inline-policy limit.
 */
import { createHash } from 'node:crypto';
import { GatewayError } from '../errors';

export const REVOKE_OLDER_SESSIONS = 'AWSRevokeOlderSessions';
export const REVOKED_SOURCE_IDENTITIES = 'RolegateRevokedSourceIdentities';
/** IAM: a role's inline policies total at most 10,240 characters, whitespace not counted. */
export const ROLE_INLINE_LIMIT = 10_240;
/** The longest an STS role session lives (12 h): older sessions have expired whatever a policy says. */
export const MAX_SESSION_MS = 43_200 * 1000;

interface DenyStatement {
  Sid?: string;
  Effect: 'Deny';
  Action: string[];
  Resource: string[];
  Condition: { DateLessThan: { 'aws:TokenIssueTime': string }; StringEquals?: { 'aws:SourceIdentity': string } };
}

/**
 * The cutoff to the second, rounded UP: a session issued earlier in the same second as the revocation
 * must not survive it (the price: one issued later in that second is denied too).
 */
// Stryker disable next-line Regex: toISOString() always ends in .sssZ, so the $ anchor changes nothing.
const iso = (d: Date) => new Date(Math.ceil(d.getTime() / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function revokeOlderSessionsDocument(at: Date): string {
  const statement: DenyStatement = { Effect: 'Deny', Action: ['*'], Resource: ['*'], Condition: { DateLessThan: { 'aws:TokenIssueTime': iso(at) } } };
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
}

function sidFor(sourceIdentity: string): string {
  return `Revoke${createHash('sha256').update(sourceIdentity).digest('hex').slice(0, 24)}`;
}

function existingStatements(document: string | undefined): DenyStatement[] {
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: JSON.parse('') throws into the catch below; a non-statement has no date and the caller's filter drops it.
  if (!document) return [];
  try {
    const parsed = JSON.parse(document) as { Statement?: unknown };
    // Stryker disable next-line ArrayDeclaration: a non-statement has no date, and the caller's filter drops it.
    return Array.isArray(parsed.Statement) ? (parsed.Statement as DenyStatement[]) : [];
  } catch {
    // Not ours to read: it is rewritten from scratch (the new deny must land either way).
    // Stryker disable next-line ArrayDeclaration: a non-statement has no date, and the caller's filter drops it.
    return [];
  }
}

/**
 * The policy document with a deny for `sourceIdentity`'s sessions issued before `at` (replacing an older
 * deny of the same identity), minus statements that can no longer deny a live session.
 */
export function withRevokedSourceIdentity(existing: string | undefined, sourceIdentity: string, at: Date): string {
  const sid = sidFor(sourceIdentity);
  const cutoff = at.getTime() - MAX_SESSION_MS;
  // Stryker disable next-line StringLiteral: any string that is not a date parses to NaN, as '' does.
  const kept = existingStatements(existing).filter((s) => s.Sid !== sid && Date.parse(s.Condition?.DateLessThan?.['aws:TokenIssueTime'] ?? '') >= cutoff);
  const statement: DenyStatement = {
    Sid: sid,
    Effect: 'Deny',
    Action: ['*'],
    Resource: ['*'],
    Condition: { DateLessThan: { 'aws:TokenIssueTime': iso(at) }, StringEquals: { 'aws:SourceIdentity': sourceIdentity } },
  };
  const document = JSON.stringify({ Version: '2012-10-17', Statement: [...kept, statement] });
  if (document.length > ROLE_INLINE_LIMIT) {
    throw new GatewayError('REVOCATION_FAILED', `${REVOKED_SOURCE_IDENTITIES} would be ${document.length} characters; IAM allows ${ROLE_INLINE_LIMIT} per role`, {
      publicDetail: 'too many people revoked in this role within 12 hours: revoke the role’s older sessions instead',
    });
  }
  return document;
}
