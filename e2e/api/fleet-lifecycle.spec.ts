/**
 * Issue 14 §1 and §3, the fleet's life: a key rotation made by one instance is published by the other; an
 * instance restarted with the config file the fleet started from does not roll back admin edits; SIGTERM
 * lets in-flight issuances finish, each with its ledger row.
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { parse } from 'yaml';
import { A, B, on, type TestFleet } from '../fixtures/fleet';
import { issueOn, keysOf, setRuleDisabled, useFleet } from '../fixtures/fleet-flows';

const OPERATOR = '444455556666/Operator';
let fleet: TestFleet;
let bob: Page;
let alice: Page;
useFleet(A, (users) => ({ fleet, bob, alice } = users));

test('a signing key rotation is published by both instances and issuance goes on', async () => {
  const before = await keysOf(bob, A);
  expect(before).toHaveLength(2);
  // The active key's period is over and its successor has been published long enough: the next key
  // refresh of either instance activates the successor and publishes a new next key.
  await fleet.sql(`UPDATE "SigningKey" SET "createdAt" = now() - interval '400 days', "activatedAt" = now() - interval '400 days' WHERE status = 'active'`);
  await fleet.sql(`UPDATE "SigningKey" SET "createdAt" = now() - interval '2 days' WHERE status = 'next'`);
  await expect.poll(() => keysOf(bob, A), { timeout: 20_000 }).toHaveLength(3);
  const after = await keysOf(bob, A);
  await expect.poll(() => keysOf(bob, B), { timeout: 20_000 }).toEqual(after);
  const active = await fleet.sql<{ kid: string }>(`SELECT kid FROM "SigningKey" WHERE status = 'active'`);
  expect(active).toHaveLength(1);
  expect(before).toContain(active[0]!.kid);
  for (const i of [A, B]) expect((await issueOn(bob, i, OPERATOR)).status()).toBe(200);
});

test('an instance restarted with the config file the fleet started from keeps the admin edits', async () => {
  await setRuleDisabled(alice, A, 'google-workspace', true);
  const [{ head }] = (await fleet.sql<{ head: number }>(`SELECT max(revision) AS head FROM "ConfigRevision"`)) as [{ head: number }];
  expect(await fleet.instances[B]!.stop('SIGTERM')).toBe(0);
  await fleet.instances[B]!.start();
  const [{ after }] = (await fleet.sql<{ after: number }>(`SELECT max(revision) AS after FROM "ConfigRevision"`)) as [{ after: number }];
  expect(after).toBe(head);
  const live = await (await alice.request.get('/api/admin/config/export', { headers: on(B) })).text();
  const rules = (parse(live) as { rules: { id: string; disabled?: boolean }[] }).rules;
  expect(rules.find((r) => r.id === 'google-workspace')?.disabled).toBe(true);
  await setRuleDisabled(alice, B, 'google-workspace', false);
});

test('SIGTERM on an instance lets its in-flight issuances finish, and every one answered has its ledger row', async () => {
  const since = new Date();
  const sentBefore = fleet.proxy.served[B]!;
  const answers = Array.from({ length: 30 }, () =>
    issueOn(bob, B, OPERATOR).then(
      async (res) => ({ status: res.status(), requestId: res.headers()['x-request-id'], at: Date.now(), text: res.status() === 200 ? '' : await res.text() }),
      (err: unknown) => ({ status: 0, requestId: undefined, at: Date.now(), text: String(err) }),
    ),
  );
  // SIGTERM once B has answered a few: the rest are queued or running in it (the machine has 2 cores).
  await expect.poll(() => fleet.proxy.served[B]! - sentBefore, { timeout: 20_000, intervals: [10] }).toBeGreaterThanOrEqual(3);
  const sigtermAt = Date.now();
  const exit = fleet.instances[B]!.stop('SIGTERM');
  const results = await Promise.all(answers);
  expect(await exit).toBe(0);

  const ok = results.filter((r) => r.status === 200);
  // Answered after SIGTERM: those were in flight when it came, and the drain let them finish.
  expect(ok.filter((r) => r.at > sigtermAt).length, JSON.stringify(results.map((r) => `${r.status} ${r.text.slice(0, 80)}`))).toBeGreaterThan(0);
  // The rest never reached a listening instance: the proxy says so (502), nothing answered 500.
  expect(results.filter((r) => r.status !== 200 && r.status !== 502)).toEqual([]);
  const rows = await fleet.sql<{ detail: string; outcome: string }>(
    `SELECT detail, outcome FROM "AuditEvent" WHERE type = 'issuance' AND "roleArn" LIKE '%:role/Operator' AND at >= $1`,
    [since],
  );
  const audited = new Set(rows.map((r) => (JSON.parse(r.detail) as { requestId?: string }).requestId));
  for (const r of ok) expect(audited.has(r.requestId), `ledger row for ${r.requestId}`).toBe(true);
  expect(rows.filter((r) => r.outcome !== 'ok')).toEqual([]);
  expect(rows).toHaveLength(ok.length);
  await fleet.instances[B]!.start();
});
