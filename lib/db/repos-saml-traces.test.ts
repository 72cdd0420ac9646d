import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DEFAULT_TRACES_KEPT, type NewSamlTrace } from './repos';
import { MAX_VALUE_CHARS, MAX_VALUES } from './repos/saml-trace-record';
import { describeEachDialect } from './test-support/databases';
import { hasCode, later, now } from './test-support/fixtures';
import { runSql } from './test-support/sql';

/** A trace as an Okta sign-in yields it: the attribute names Okta sends, one rule matched. */
function oktaTrace(
  connectionId: string,
  at: Date,
  overrides: Partial<NewSamlTrace> = {},
): NewSamlTrace {
  return {
    connectionId,
    at,
    outcome: 'ok',
    nameId: 'zoë@acme.test',
    checks: [
      { check: 'signature', ok: true },
      { check: 'audience', ok: true, detail: 'https://rolegate.acme.test/saml/okta' },
    ],
    attributes: { email: ['zoë@acme.test'], groups: ['aws-admins', 'Ünïcode group', 'a,b"c'] },
    matchedRules: ['admins-to-AdminRole'],
    ...overrides,
  };
}

const minutes = (n: number) => later(n * 60_000);

describeEachDialect('SAML traces repo', (ctx) => {
  it('round-trips a trace (JSON columns, unicode, dates) and leaves absent values out', async () => {
    const { samlTraces } = ctx().repos;
    const input = oktaTrace('rt-okta', now);
    const appended = await samlTraces.appendSamlTrace(input);
    const [listed] = await samlTraces.listSamlTraces('rt-okta', 10);
    assert.deepEqual(listed, appended);
    assert.deepEqual(listed, { ...input, id: appended.id, code: undefined });
    const failed = await samlTraces.appendSamlTrace({
      ...oktaTrace('rt-okta', minutes(1)),
      outcome: 'failed',
      code: 'SAML_AUDIENCE_MISMATCH',
      nameId: null,
      checks: [{ check: 'audience', ok: false, detail: 'expected urn:rolegate' }],
      attributes: {},
      matchedRules: [],
    });
    assert.deepEqual(
      [failed.outcome, failed.code, failed.nameId, failed.attributes, failed.matchedRules],
      ['failed', 'SAML_AUDIENCE_MISMATCH', undefined, {}, []],
    );
  });

  it('truncates long and many attribute values, and long check details', async () => {
    const { samlTraces } = ctx().repos;
    const many = Array.from({ length: MAX_VALUES + 5 }, (_, i) => `group-${i}`);
    const trace = await samlTraces.appendSamlTrace(
      oktaTrace('trunc', now, {
        attributes: { huge: ['x'.repeat(10_000)], groups: many },
        checks: [{ check: 'signature', ok: false, detail: 'y'.repeat(10_000) }],
      }),
    );
    const [stored] = await ctx().repos.samlTraces.listSamlTraces('trunc', 1);
    assert.deepEqual(stored, trace);
    assert.equal(trace.attributes.huge?.[0]?.length, MAX_VALUE_CHARS);
    assert.ok(trace.attributes.huge?.[0]?.endsWith('…'));
    assert.deepEqual(trace.attributes.groups, [...many.slice(0, MAX_VALUES), '… 5 more']);
    assert.ok((trace.checks[0]?.detail?.length ?? Infinity) <= 512);
  });

  it('refuses an unknown outcome or malformed JSON parts (INTERNAL), and reports an unreadable row', async () => {
    const t = ctx();
    const bad = [
      { ...oktaTrace('bad', now), outcome: 'maybe' },
      { ...oktaTrace('bad', now), checks: [{ check: 'x' }] },
      { ...oktaTrace('bad', now), attributes: { email: 'not-a-list' } },
    ] as unknown as NewSamlTrace[];
    for (const trace of bad) {
      await assert.rejects(t.repos.samlTraces.appendSamlTrace(trace), hasCode('INTERNAL'));
    }
    const { id } = await t.repos.samlTraces.appendSamlTrace(oktaTrace('bad', now));
    await runSql(t.url, 'UPDATE "SamlTrace" SET "checks" = $1 WHERE id = $2', ['{', id]);
    await assert.rejects(t.repos.samlTraces.listSamlTraces('bad', 5), hasCode('INTERNAL'));
  });

  it("lists a connection's traces newest first, up to the limit", async () => {
    const { samlTraces } = ctx().repos;
    for (const m of [3, 1, 4, 2]) await samlTraces.appendSamlTrace(oktaTrace('order', minutes(m)));
    await samlTraces.appendSamlTrace(oktaTrace('order-other', minutes(9)));
    const times = (await samlTraces.listSamlTraces('order', 3)).map((tr) => tr.at);
    assert.deepEqual(times, [minutes(4), minutes(3), minutes(2)]);
    assert.equal((await samlTraces.listSamlTraces('order', 0)).length, 1, 'limit clamps to 1');
  });

  it('prunes to the newest N of one connection, ties included, and leaves others alone', async () => {
    const { samlTraces } = ctx().repos;
    for (const m of [1, 2, 3, 3, 3, 4, 5])
      await samlTraces.appendSamlTrace(oktaTrace('prune', minutes(m)));
    await samlTraces.appendSamlTrace(oktaTrace('prune-other', minutes(0)));
    const before = await samlTraces.listSamlTraces('prune', 100);
    assert.equal(await samlTraces.pruneSamlTraces('prune', 3), 4);
    assert.deepEqual(await samlTraces.listSamlTraces('prune', 100), before.slice(0, 3));
    assert.equal(await samlTraces.pruneSamlTraces('prune', 3), 0);
    assert.equal(await samlTraces.pruneSamlTraces('prune', 0), 3);
    assert.deepEqual(await samlTraces.listSamlTraces('prune', 100), []);
    assert.equal((await samlTraces.listSamlTraces('prune-other', 100)).length, 1);
  });

  it(`keeps the newest ${DEFAULT_TRACES_KEPT} by default`, async () => {
    const { samlTraces } = ctx().repos;
    const total = DEFAULT_TRACES_KEPT + 7;
    for (let i = 0; i < total; i++)
      await samlTraces.appendSamlTrace(oktaTrace('default', later(i)));
    assert.equal(await samlTraces.pruneSamlTraces('default'), 7);
    const kept = await samlTraces.listSamlTraces('default', 500);
    assert.equal(kept.length, DEFAULT_TRACES_KEPT);
    assert.deepEqual(kept.at(-1)?.at, later(7));
  });
});
