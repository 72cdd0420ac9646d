/**
 * Issue 15 §3: every admin ledger query is answered through an index. The page query — unfiltered and
 * with each filter, first page and from a cursor — is an index range scan in index order (SQLite: the
 * filter's own (<filter>, at, id) index and no temp B-tree; PostgreSQL: a backward index scan bounded by
 * ROW(at, id) < ROW(…), no Sort), and a search past the newest rows goes through the trigram index. Read
 * from the databases' own EXPLAIN, on a seeded ledger with planner statistics.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { Prisma } from './generated/sqlite/client';
import type { Db } from './client';
import type { AuditFilter } from './repos/audit-query';
import { pageSql, trigramSearchSql } from './repos/audit-sql';
import { indexTrigrams } from './repos/audit-text-search';
import { describeEachDialect } from './test-support/databases';
import { seedLedger, seedRoleArn, seedUserId } from './test-support/ledger-seed';

const cursor = { at: new Date('2025-01-01T06:00:00.000Z'), id: '' };
const FILTERS: [string, AuditFilter][] = [
  ['type', { type: 'denial' }],
  ['outcome', { outcome: 'failed' }],
  ['idpId', { idpId: 'adfs' }],
  ['roleArn', { roleArn: seedRoleArn(42) }],
  ['userId', { userId: seedUserId(1234) }],
];

async function sqlitePlan(db: Db, sql: Prisma.Sql): Promise<string> {
  const rows = await db.$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${sql}`);
  return rows.map((r) => r.detail).join('\n');
}

/** PostgreSQL's plan with sequential scans, bitmap scans and sorts priced out: what an index can do alone. */
async function pgIndexPlan(db: Db, sql: Prisma.Sql): Promise<string> {
  return db.$transaction(async (tx) => {
    for (const knob of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await tx.$executeRawUnsafe(`SET LOCAL ${knob} = off`);
    return pgPlanOf(tx as unknown as Db, sql);
  });
}

async function pgPlanOf(db: Db, sql: Prisma.Sql): Promise<string> {
  const rows = await db.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${sql}`);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describeEachDialect('issue 15: ledger query plans', (ctx, dialect) => {
  before(async () => {
    await seedLedger(ctx().url, 20_000);
    await ctx().db.$executeRawUnsafe('ANALYZE');
  });

  it('a page, unfiltered and per filter, first and from a cursor, reads its index in order without sorting', async () => {
    const { db } = ctx();
    for (const [name, filter] of [['none', {}] as [string, AuditFilter], ...FILTERS]) {
      for (const from of [undefined, cursor]) {
        const sql = pageSql(filter, from, 51);
        const label = `${name}${from ? ' from a cursor' : ''}`;
        if (dialect === 'sqlite') {
          const plan = await sqlitePlan(db, sql);
          const index = name === 'none' ? 'AuditEvent_at_id_idx' : `AuditEvent_${name}_at_id_idx`;
          const bound = [name === 'none' ? '' : `${name}=?`, from ? '(at,id)<(?,?)' : ''].filter(Boolean).join(' AND ');
          assert.match(plan, new RegExp(`^(SCAN|SEARCH) AuditEvent USING INDEX ${index}${bound ? ` \\(${bound.replace(/[()?]/g, '\\$&')}\\)` : ''}$`), `${label}: ${plan}`);
          assert.doesNotMatch(plan, /TEMP B-TREE/, label);
        } else {
          const plan = await pgIndexPlan(db, sql);
          assert.match(plan, /Index Scan Backward using "AuditEvent_\w*at_id_idx"/, `${label}: ${plan}`);
          if (from) assert.match(plan, /Index Cond: .*ROW\(at, id\) < ROW\(/, `${label}: ${plan}`);
          assert.doesNotMatch(plan, /Sort|Seq Scan/, `${label}: ${plan}`);
        }
      }
    }
  });

  it('PostgreSQL, left to itself: the first page and a page from the middle of history are index scans, no sort', async (t) => {
    if (dialect !== 'postgresql') return t.skip('PostgreSQL only');
    for (const from of [undefined, cursor]) {
      const plan = await pgPlanOf(ctx().db, pageSql({}, from, 51));
      assert.match(plan, /Index Scan Backward using "AuditEvent_at_id_idx"/, plan);
      assert.doesNotMatch(plan, /Sort|Seq Scan/, plan);
    }
  });

  it('a search past the newest rows is looked up in the trigram index', async () => {
    const sql = trigramSearchSql(dialect, {}, cursor, 51, 'user1234@acme', indexTrigrams(dialect, 'user1234@acme').slice(4, 7).map((g) => g.index));
    const plan = dialect === 'sqlite' ? await sqlitePlan(ctx().db, sql) : await pgPlanOf(ctx().db, sql);
    if (dialect === 'sqlite') {
      assert.match(plan, /SCAN AuditEventSearch VIRTUAL TABLE INDEX \d+:M/, plan);
      assert.match(plan, /SEARCH AuditEvent USING INTEGER PRIMARY KEY \(rowid=\?\)/, plan);
    } else {
      assert.match(plan, /Bitmap Index Scan on "AuditEvent_search_trgm_idx"[^\n]*\n\s+Index Cond: \(+translate\(/, plan);
      assert.doesNotMatch(plan, /Seq Scan/, plan);
    }
  });

  it('PostgreSQL: punctuation narrows the trigram lookup (`acme_test` is not looked up as `acme` and `test`)', async (t) => {
    if (dialect !== 'postgresql') return t.skip('PostgreSQL only');
    const sql = trigramSearchSql(dialect, {}, undefined, 51, 'acme_test', []);
    const [row] = await ctx().db.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
    const scan = findNode(row?.['QUERY PLAN'][0].Plan, 'Bitmap Index Scan');
    assert.ok(scan, 'a bitmap index scan');
    assert.ok(scan['Actual Rows'] < 200, `the index offered ${scan['Actual Rows']} of 20,000 rows`);
  });
});

interface PlanNode {
  'Node Type': string;
  'Actual Rows': number;
  Plans?: PlanNode[];
}

function findNode(node: PlanNode | undefined, type: string): PlanNode | undefined {
  if (!node) return undefined;
  if (node['Node Type'] === type) return node;
  for (const child of node.Plans ?? []) {
    const found = findNode(child, type);
    if (found) return found;
  }
  return undefined;
}
