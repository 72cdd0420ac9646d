/**
 * Issue 12 §7, end to end: a NUL (or another control character) in a free-text field of an admin form's
 * JSON API, the access-request API, a config import or the audit search is a typed 400
 * INPUT_CONTROL_CHARACTER — never a 500 — and nothing reaches the database.
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import { signInToRoles } from '../fixtures/signin';

const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });

function one(sql: string): unknown {
  const db = new Database(path.join(process.env.E2E_DATA_DIR ?? '', 'rolegate.db'), { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: unknown }).n;
  } finally {
    db.close();
  }
}
const count = (sql: string) => Number(one(sql));
const state = () => ({
  grants: count('SELECT COUNT(*) AS n FROM "RoleGrant"'),
  revisions: count('SELECT COUNT(*) AS n FROM "ConfigRevision"'),
  settings: one(`SELECT group_concat("key" || '=' || "value", ';') AS n FROM "Setting"`),
  nulInAudit: count(`SELECT COUNT(*) AS n FROM "AuditEvent" WHERE instr(CAST("detail" AS BLOB), x'00') > 0`),
});

async function expectRefused(res: { status(): number; json(): Promise<unknown> }, what: string) {
  expect(res.status(), what).toBe(400);
  expect(((await res.json()) as { error: { code: string } }).error.code, what).toBe('INPUT_CONTROL_CHARACTER');
}

test('NUL in free text is refused with INPUT_CONTROL_CHARACTER and writes nothing', async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  await signInToRoles(alice, 'okta', 'alice@example.com');
  const before = state();
  const revision = count('SELECT MAX("revision") AS n FROM "ConfigRevision"');
  const posts: Array<[string, unknown]> = [
    ['/api/admin/grants', { roleId: '111122223333/ReadOnly', email: 'carol@example.com', reason: 'INC-1\u0000 review', durationMinutes: 60, requiredApprovals: 1 }],
    ['/api/admin/lockdown', { enabled: true, reason: 'incident\u0000' }],
    ['/api/admin/config/preview', { yaml: 'publicUrl: http://x\u0000' }],
    ['/api/admin/config/apply', { yaml: 'rules: []\n# \u0007', basedOn: revision }],
    ['/api/admin/config/edit', { basedOn: revision, edit: { op: 'putRule', rule: { id: 'nul-rule', description: 'why\u0000', roles: ['dev/ReadOnly'] } } }],
    ['/api/admin/config/edit', { basedOn: revision, edit: { op: 'updateAccount', id: '111122223333', alias: 'de\u0000v' } }],
    ['/api/admin/config/edit', { basedOn: revision, edit: { op: 'putSamlConnection', connection: { id: 'nul-conn', name: 'ADFS\u001b', preset: 'adfs', metadataUrl: 'https://adfs.example.com/md' } } }],
  ];
  for (const [url, data] of posts) await expectRefused(await alice.request.post(url, { data, headers: origin(alice) }), url);
  await expectRefused(await alice.request.get(`/api/admin/audit/export?format=json&q=${encodeURIComponent('x\u0000')}`), 'audit search');

  const carol = await (await browser.newContext()).newPage();
  await signInToRoles(carol, 'okta', 'carol@example.com');
  const request = { roleId: '444455556666/Operator', reason: 'on call\u0000', hours: 1 };
  await expectRefused(await carol.request.post('/api/access-requests', { data: request, headers: origin(carol) }), 'access request');

  expect(state()).toEqual(before);
  expect(before.nulInAudit).toBe(0);
});
