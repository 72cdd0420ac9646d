/**
 * Issue 15 §3: the ledger's text search through trigram indexes gives exactly what a literal,
 * case-insensitive substring match over the searched columns gives — page by page, whether the page is
 * answered from the newest rows or through the index — and the SQLite index stays in step with the ledger
 * (FTS5 integrity-check after appends and a retention sweep). Both dialects.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AuditEventRecord, AuditQuery } from './repos';
import { SEARCH_WINDOW } from './repos/audit-text-search';
import { describeEachDialect } from './test-support/databases';
import { seedLedger, SEED } from './test-support/ledger-seed';

const DAY = 86_400_000;
const SEARCHED = ['email', 'userId', 'subject', 'roleArn', 'sessionName', 'requestId', 'code', 'ip'] as const;
const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

describeEachDialect('issue 15: the ledger text search', (ctx) => {
  const pages = async (query: Omit<AuditQuery, 'limit' | 'cursor'>, limit = 50): Promise<AuditEventRecord[]> => {
    const out: AuditEventRecord[] = [];
    for (let cursor: AuditQuery['cursor']; ; ) {
      const page = await ctx().repos.audit.listAudit({ ...query, limit, cursor });
      out.push(...page);
      const last = page.at(-1);
      if (page.length < limit || !last) return out;
      cursor = { at: last.at, id: last.id };
    }
  };

  it('finds literally what a substring match finds, on every page, dense terms and sparse ones alike', async () => {
    await seedLedger(ctx().url, 3 * SEARCH_WINDOW);
    const { audit } = ctx().repos;
    // Needles far older than the newest rows, so only the trigram index can find them.
    const old = new Date(SEED.start - 10 * DAY);
    await audit.appendAudit({ type: 'issuance', outcome: 'ok', at: old, email: 'Zed.Needle_1@Acme.test', requestId: 'req-50%-off\\x', sessionName: 'zed' });
    await audit.appendAudit({ type: 'signin', outcome: 'failed', at: new Date(old.getTime() + 1), email: 'zedxneedle-1@acme.test', code: 'OIDC_ISSUER_MISMATCH' });
    const everything = await pages({});
    const expected = (needle: string, extra: (e: AuditEventRecord) => boolean = () => true) =>
      everything.filter((e) => extra(e) && SEARCHED.some((c) => fold(e[c] ?? '').includes(fold(needle)))).map((e) => e.id);
    const cases: [string, Omit<AuditQuery, 'limit' | 'cursor'>, (e: AuditEventRecord) => boolean][] = [
      ['acme.test', {}, () => true], // in every row: answered from the newest rows
      ['ISSUER_MISMATCH', {}, () => true], // a few per cent of rows
      ['user1234@acme', {}, () => true], // a handful, spread over history
      ['needle_1', {}, () => true], // `_` literal: zedxneedle-1 must not match
      ['ZED.NEEDLE', {}, () => true], // any case
      ['50%-off\\', {}, () => true], // `%` and `\` literal
      ['acme_test', {}, () => true], // nothing: `_` is no wildcard
      ['acme.testu-', {}, () => true], // nothing: a search never spans two columns
      ['user1', { type: 'denial' }, (e) => e.type === 'denial'], // with a filter
      ['role/Audit', { outcome: 'ok', idpId: 'okta' }, (e) => e.outcome === 'ok' && e.idpId === 'okta'],
    ];
    for (const [needle, filter, extra] of cases) {
      const want = expected(needle, extra);
      assert.deepEqual((await pages({ ...filter, text: needle })).map((e) => e.id), want, `${needle} ${JSON.stringify(filter)}`);
    }
    assert.deepEqual(expected('needle_1').length, 1);
    assert.equal(expected('acme_test').length, 0);
    assert.ok(expected('acme.test').length > 5_000);
  });

  it('pages through a search with small pages, from any cursor, without skipping or repeating', async () => {
    const all = await pages({ text: 'user12' }, 500);
    assert.ok(all.length > 100, `${all.length}`);
    const small = await pages({ text: 'user12' }, 7);
    assert.deepEqual(small.map((e) => e.id), all.map((e) => e.id));
  });

  it('SQLite: the FTS5 index stays in step with appends and the retention sweep', async (t) => {
    if (ctx().dialect !== 'sqlite') return t.skip('SQLite only');
    const { db, repos } = ctx();
    await db.$executeRawUnsafe(`INSERT INTO "AuditEventSearch"("AuditEventSearch", rank) VALUES ('integrity-check', 1)`);
    const ancient = new Date(Date.now() - 400 * DAY);
    await repos.audit.appendAudit({ type: 'signin', outcome: 'ok', at: ancient, email: 'gone-soon@old.test' });
    assert.equal((await repos.audit.listAudit({ limit: 5, text: 'gone-soon' })).length, 1);
    assert.ok((await repos.audit.purgeOlderThan(new Date(Date.now() - 365 * DAY))) >= 1);
    assert.equal((await repos.audit.listAudit({ limit: 5, text: 'gone-soon' })).length, 0);
    await db.$executeRawUnsafe(`INSERT INTO "AuditEventSearch"("AuditEventSearch", rank) VALUES ('integrity-check', 1)`);
  });
});
