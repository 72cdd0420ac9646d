/** Test wiring of the device flow over a real test database with a clock the test moves. */
import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '../../core/issuance/audit-event';
import type { IdentityClaims } from '../../core/types';
import type { TestDatabase } from '../../db/test-support/databases';
import { now } from '../../db/test-support/fixtures';
import { randomToken, type OAuthDeps } from './deps';

export const CLI_DEFAULTS = { accessTokenMinutes: 15, refreshMaxHours: 12, deviceCodeMinutes: 10, pollIntervalSeconds: 5 };
export const meta = { ip: '203.0.113.7', userAgent: 'rolegate-cli/0.1 (linux)' };

export interface TestFlow {
  deps: OAuthDeps;
  audits: AuditRecord[];
  /** Moves the clock forward. */
  advance(ms: number): void;
}

export function testFlow(t: TestDatabase, cli: Partial<typeof CLI_DEFAULTS> = {}): TestFlow {
  let at = now.getTime();
  const audits: AuditRecord[] = [];
  const deps: OAuthDeps = {
    config: { publicUrl: 'https://rolegate.example.com', cli: { ...CLI_DEFAULTS, ...cli } },
    devices: t.repos.deviceAuthorizations,
    grants: t.repos.cliGrants,
    audit: async (r) => void audits.push(r),
    now: () => new Date(at),
    newToken: randomToken,
  };
  return { deps, audits, advance: (ms) => void (at += ms) };
}

/** A signed-in approver: the user row plus their portal session (a real row, 1 hour) and its claims. */
export async function approver(t: TestDatabase, subject: string, groups: string[] = ['aws-dev-admins']) {
  const user = await t.repos.users.upsertUserOnLogin({ issuer: 'https://example.okta.com', subject, email: `${subject}@example.com` });
  const claims: IdentityClaims = { idpId: 'okta', issuer: 'https://example.okta.com', subject, email: `${subject}@example.com`, emailVerified: true, groups, extra: {} };
  const sessionId = randomUUID();
  await t.repos.sessions.createSession({ id: sessionId, userId: user.id, idpId: 'okta', claims, createdAt: now, expiresAt: new Date(now.getTime() + 3_600_000) });
  return { userId: user.id, idpId: 'okta', claims, sessionId };
}
