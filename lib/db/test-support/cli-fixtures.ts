/** Fixtures of the device-flow and CLI-grant repo tests: device requests, approvals and logins. */
import { randomBytes, randomUUID } from 'node:crypto';
import { generateUserCode } from '../../core/device/user-code';
import { closeDb, createDb } from '../client';
import { hashToken } from '../crypto';
import { createRepos, type NewDeviceAuthorization } from '../repos';
import type { TestDatabase } from './databases';
import { entraClaims, later, now, signedInSession } from './fixtures';

export const newHash = () => hashToken(randomBytes(32).toString('base64url'));

export function deviceRequest(overrides: Partial<NewDeviceAuthorization> = {}): NewDeviceAuthorization {
  return {
    id: newHash(),
    userCode: generateUserCode(),
    clientId: 'rolegate-cli',
    ip: '203.0.113.7',
    userAgent: 'rolegate-cli/0.1 (linux)',
    createdAt: now,
    expiresAt: later(600_000),
    intervalSeconds: 5,
    ...overrides,
  };
}

/** A signed-in user who approves a fresh device request in their portal session; returns all three. */
export async function approvedDevice(t: TestDatabase, subject: string = randomUUID()) {
  const { id: sessionId, user } = await signedInSession(t, { subject });
  const request = await t.repos.deviceAuthorizations.createDeviceAuthorization(deviceRequest());
  await t.repos.deviceAuthorizations.approveDeviceAuthorization(request.userCode, { userId: user.id, sessionId, idpId: 'entra', claims: entraClaims(subject) }, now);
  return { user, request, sessionId };
}

export function loginPlan(absoluteMs = 12 * 3_600_000, accessMs = 15 * 60_000) {
  return { grantId: randomUUID(), accessHash: newHash(), refreshHash: newHash(), accessExpiresAt: later(accessMs), absoluteExpiresAt: later(absoluteMs) };
}

/** A complete CLI login (device approved and consumed) with the plan's hashes. */
export async function cliLogin(t: TestDatabase, options: { subject?: string; absoluteMs?: number; accessMs?: number } = {}) {
  const { user, request } = await approvedDevice(t, options.subject);
  const plan = loginPlan(options.absoluteMs, options.accessMs);
  const issued = await t.repos.deviceAuthorizations.consumeApprovedDevice(request.id, now, plan);
  if (!issued || 'denied' in issued) throw new Error('consume failed');
  return { user, plan, issued };
}

/**
 * Repos over a second client for race tests: on PostgreSQL a second pool (a second instance). On SQLite
 * the same client: better-sqlite3 waits for a lock synchronously, so two clients in one process cannot
 * interleave transactions at all (one blocks the event loop the other needs); one client serialises its
 * transactions through the adapter's mutex, which is what concurrent requests to one instance meet.
 */
export function raceClient(t: TestDatabase): { repos: TestDatabase['repos']; close: () => Promise<void> } {
  if (t.dialect === 'sqlite') return { repos: t.repos, close: async () => {} };
  const db = createDb(t.url);
  return { repos: createRepos(db), close: () => closeDb(db) };
}
