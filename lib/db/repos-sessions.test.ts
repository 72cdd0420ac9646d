import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { IdentityClaims } from '../core/types';
import { describeEachDialect } from './test-support/databases';
import {
  ENTRA_ISSUER,
  entraClaims,
  hasCode,
  later,
  now,
  signedInSession,
} from './test-support/fixtures';
import { runSql } from './test-support/sql';

// Run this file away from UTC: stored times must not shift with the server's zone (UTC+12/+13).
process.env.TZ = 'Pacific/Auckland';

describeEachDialect('sessions repo', (ctx) => {
  it('round-trips a session: claims JSON, dates to the millisecond, ip / user agent and their absence', async () => {
    const t = ctx();
    const user = await t.repos.users.upsertUserOnLogin({
      issuer: ENTRA_ISSUER,
      subject: 'rt',
      email: 'rt@acme.test',
    });
    const input = {
      id: randomUUID(),
      userId: user.id,
      idpId: 'entra',
      claims: entraClaims('rt'),
      ip: '2001:db8::1',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
      createdAt: new Date('2030-06-01T11:59:59.123Z'),
      expiresAt: new Date('2030-06-01T20:00:00.456Z'),
    };
    const created = await t.repos.sessions.createSession(input);
    const active = await t.repos.sessions.getActiveSession(input.id, now);
    assert.deepEqual(active, { ...created, user });
    assert.deepEqual(active?.claims, input.claims);
    assert.deepEqual(
      [active?.ip, active?.userAgent, active?.createdAt, active?.expiresAt, active?.revokedAt],
      [input.ip, input.userAgent, input.createdAt, input.expiresAt, undefined],
    );
    const bare = await signedInSession(t);
    const session = await t.repos.sessions.getActiveSession(bare.id, now);
    assert.deepEqual([session?.ip, session?.userAgent], [undefined, undefined]);
  });

  it('stores DateTime as UTC whatever the process time zone', async () => {
    const t = ctx();
    const { id } = await signedInSession(t, { expiresAt: new Date('2031-01-02T03:04:05.678Z') });
    const sql =
      t.dialect === 'sqlite'
        ? 'SELECT "expiresAt" AS v FROM "PortalSession" WHERE id = $1'
        : 'SELECT "expiresAt"::text AS v FROM "PortalSession" WHERE id = $1';
    const [row] = await runSql(t.url, sql, [id]);
    const expected =
      t.dialect === 'sqlite' ? '2031-01-02T03:04:05.678+00:00' : '2031-01-02 03:04:05.678';
    assert.equal(row?.v, expected);
  });

  it('enforces the foreign key and the primary key (DB_CONFLICT), and cascades a user delete', async () => {
    const t = ctx();
    const orphan = {
      id: randomUUID(),
      userId: 'no-such-user',
      idpId: 'entra',
      claims: entraClaims('x'),
      expiresAt: later(1000),
    };
    await assert.rejects(t.repos.sessions.createSession(orphan), hasCode('DB_CONFLICT'));
    const { id, user } = await signedInSession(t);
    const duplicate = {
      id,
      userId: user.id,
      idpId: 'entra',
      claims: entraClaims('x'),
      expiresAt: later(1000),
    };
    await assert.rejects(t.repos.sessions.createSession(duplicate), hasCode('DB_CONFLICT'));
    await runSql(t.url, 'DELETE FROM "User" WHERE id = $1', [user.id]);
    assert.deepEqual(await runSql(t.url, 'SELECT id FROM "PortalSession" WHERE id = $1', [id]), []);
  });

  it('refuses claims that are not IdentityClaims, and treats unreadable stored claims as no session', async () => {
    const t = ctx();
    const { user } = await signedInSession(t);
    const bad = { ...entraClaims('x'), groups: 'admins' } as unknown as IdentityClaims;
    const input = {
      id: randomUUID(),
      userId: user.id,
      idpId: 'entra',
      claims: bad,
      expiresAt: later(1000),
    };
    await assert.rejects(t.repos.sessions.createSession(input), hasCode('INTERNAL'));
    const { id } = await signedInSession(t);
    await runSql(t.url, 'UPDATE "PortalSession" SET claims = $1 WHERE id = $2', [
      '{"idpId":"entra"}',
      id,
    ]);
    assert.equal(await t.repos.sessions.getActiveSession(id, now), null);
  });
});
