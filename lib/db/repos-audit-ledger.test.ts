/**
 * The audit ledger as admins read it (issue 5 §4): filters, text search, keyset pagination with ties,
 * and append-only enforced by the database itself (migration 0004's triggers), on SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { GatewayError } from '../core/errors';
import { describeEachDialect } from './test-support/databases';

const DAY = 86_400_000;
const t0 = new Date('2030-05-01T12:00:00.000Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const ARN = 'arn:aws:iam::111122223333:role/ReadOnly';

describeEachDialect('audit ledger', (ctx) => {
  it('filters by type, outcome, IdP, role, time range and a case-insensitive text search', async () => {
    const { audit } = ctx().repos;
    await audit.appendAudit({ type: 'issuance', outcome: 'ok', at: at(1), userId: 'u-ann', email: 'Ann@Acme.test', idpId: 'okta', roleArn: ARN, requestId: 'req-AAA', sessionName: 'ann' });
    await audit.appendAudit({ type: 'issuance', outcome: 'failed', at: at(2), userId: 'u-bob', email: 'bob@acme.test', idpId: 'entra', roleArn: ARN, code: 'STS_DENIED' });
    await audit.appendAudit({ type: 'signin', outcome: 'failed', at: at(3), email: 'eve@evil.test', idpId: 'okta', code: 'OIDC_ISSUER_MISMATCH', ip: '198.51.100.9' });
    const ids = async (q: Parameters<typeof audit.listAudit>[0]) => (await audit.listAudit(q)).map((e) => e.email);
    assert.deepEqual(await ids({ limit: 50, type: 'issuance' }), ['bob@acme.test', 'Ann@Acme.test']);
    assert.deepEqual(await ids({ limit: 50, type: 'issuance', outcome: 'ok' }), ['Ann@Acme.test']);
    assert.deepEqual(await ids({ limit: 50, idpId: 'okta' }), ['eve@evil.test', 'Ann@Acme.test']);
    assert.deepEqual(await ids({ limit: 50, roleArn: ARN }), ['bob@acme.test', 'Ann@Acme.test']);
    assert.deepEqual(await ids({ limit: 50, from: at(2), to: at(3) }), ['bob@acme.test']);
    assert.deepEqual(await ids({ limit: 50, text: 'ann@acme' }), ['Ann@Acme.test'], 'case-insensitive');
    assert.deepEqual(await ids({ limit: 50, text: 'req-aaa' }), ['Ann@Acme.test'], 'STS request id');
    assert.deepEqual(await ids({ limit: 50, text: 'ISSUER_MISMATCH' }), ['eve@evil.test'], 'reason code');
    assert.deepEqual(await ids({ limit: 50, text: '198.51.100' }), ['eve@evil.test'], 'IP');
    assert.deepEqual(await ids({ limit: 50, text: "'; DROP TABLE \"AuditEvent\"; --" }), [], 'text is a value, never SQL');
    assert.deepEqual(await ids({ limit: 50, text: '%%%' }), [], 'LIKE wildcards are matched literally');
    assert.deepEqual(await ids({ limit: 50, text: 'ann_acme' }), [], 'issue 15: `_` is a character, not a wildcard (ann@acme)');
    await assert.rejects(ids({ limit: 50, text: '%' }), (e: unknown) => e instanceof GatewayError && e.code === 'BAD_REQUEST', 'issue 15: shorter than 3 characters is refused');
  });

  it('pages by (at, id) so rows sharing a time are neither skipped nor repeated', async () => {
    const { audit } = ctx().repos;
    for (let i = 0; i < 7; i++) await audit.appendAudit({ type: 'console', outcome: 'ok', userId: 'u-page', at: at(100 + (i < 5 ? 0 : i)) });
    const seen: string[] = [];
    let cursor: { at: Date; id: string } | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await audit.listAudit({ limit: 3, userId: 'u-page', cursor });
      seen.push(...page.map((e) => e.id));
      if (page.length < 3) break;
      const last = page.at(-1);
      cursor = last && { at: last.at, id: last.id };
    }
    assert.equal(seen.length, 7);
    assert.equal(new Set(seen).size, 7);
  });

  it('the database refuses any UPDATE and any DELETE of a row younger than 30 days', async () => {
    const { audit, db } = { audit: ctx().repos.audit, db: ctx().db };
    const young = await audit.appendAudit({ type: 'issuance', outcome: 'ok', email: 'keep@acme.test', at: new Date(Date.now() - 10 * DAY) });
    await assert.rejects(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "email" = 'forged@acme.test' WHERE "id" = '${young.id}'`), /append-only/);
    await assert.rejects(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "at" = '2000-01-01T00:00:00.000Z'`), /append-only/);
    await assert.rejects(db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = '${young.id}'`), /younger than 30 days/);
    await assert.rejects(audit.purgeOlderThan(new Date()), (e: unknown) => e instanceof GatewayError, 'a sweep reaching young rows fails');
    if (ctx().dialect === 'postgresql') await assert.rejects(db.$executeRawUnsafe('TRUNCATE "AuditEvent"'), /cannot be truncated/);
    const still = await audit.listAudit({ limit: 5, text: 'keep@acme.test' });
    assert.equal(still.length, 1, 'the young row is intact');
    assert.equal(still[0]?.email, 'keep@acme.test');
  });

  it('the retention sweep deletes exactly the rows older than the cutoff', async () => {
    const { audit } = ctx().repos;
    const now = Date.now();
    await audit.appendAudit({ type: 'signin', outcome: 'ok', email: 'old@retention.test', at: new Date(now - 400 * DAY) });
    await audit.appendAudit({ type: 'signin', outcome: 'ok', email: 'edge@retention.test', at: new Date(now - 100 * DAY) });
    await audit.appendAudit({ type: 'signin', outcome: 'ok', email: 'new@retention.test', at: new Date(now - 31 * DAY) });
    assert.equal(await audit.purgeOlderThan(new Date(now - 100 * DAY)), 1);
    const left = (await audit.listAudit({ limit: 50, text: 'retention.test' })).map((e) => e.email);
    assert.deepEqual(left, ['new@retention.test', 'edge@retention.test']);
  });
});
