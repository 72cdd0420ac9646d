/**
 * Issue 14 §5 (found by the bench's load phase): a transaction that has to wait its turn — every pooled
 * PostgreSQL connection busy, or SQLite's write lock held — waits, as a plain query does, instead of failing
 * after Prisma's default 2 s as INTERNAL. The SAML sign-in commit is the transaction that failed under load.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { SamlSignIn } from './repos';
import { describeEachDialect, type TestDatabase } from './test-support/databases';
import { entraClaims, later, now } from './test-support/fixtures';

const HOLD_MS = 3_000;
/** More holders than the PostgreSQL adapter's pool (pg's default of 10 connections). */
const HOLDERS = 12;

function signIn(): SamlSignIn {
  const subject = randomUUID();
  return {
    connectionId: 'adfs',
    assertionId: `_${randomUUID()}`,
    replayUntil: later(360_000),
    identity: { issuer: 'http://adfs.example.com/adfs/services/trust', subject },
    session: { id: randomUUID(), idpId: 'adfs', claims: entraClaims(subject), expiresAt: later(3_600_000) },
    now,
  };
}

/** Transactions that keep every connection (PostgreSQL) or the write lock (SQLite) for HOLD_MS. */
function holdTheDatabase(t: TestDatabase): Promise<unknown[]> {
  if (t.dialect === 'postgresql') {
    return Promise.all(Array.from({ length: HOLDERS }, () => t.db.$transaction(async (tx) => tx.$executeRawUnsafe(`SELECT pg_sleep(${HOLD_MS / 1000})`))));
  }
  return Promise.all([
    t.db.$transaction(async (tx) => {
      await tx.samlReplay.deleteMany({ where: { connectionId: 'none' } });
      await new Promise((r) => setTimeout(r, HOLD_MS));
    }),
  ]);
}

describeEachDialect('a transaction waiting for the database', (ctx) => {
  it('a SAML sign-in commit waits for a busy database and succeeds, rather than failing at 2 s', async () => {
    const t = ctx();
    const held = holdTheDatabase(t);
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    const { session } = await t.repos.samlSignIn.acceptSamlSignIn(signIn());
    const waited = Date.now() - t0;
    await held;
    assert.ok(session.id);
    // It did wait for the holders (otherwise this test would prove nothing about the wait).
    assert.ok(waited >= HOLD_MS - 1_000, `the commit waited only ${waited} ms`);
  });
});
