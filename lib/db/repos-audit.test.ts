import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AuditSink } from '../core/issuance/audit-event';
import { GatewayError } from '../core/errors';
import type { AuditDetail, AuditEventInput } from './repos';
import { describeEachDialect } from './test-support/databases';

const t0 = new Date('2030-04-01T08:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const rejectsInternal = (e: unknown) => e instanceof GatewayError && e.code === 'INTERNAL';

const issuance: AuditEventInput = {
  type: 'issuance',
  outcome: 'ok',
  at: at(1),
  userId: 'user-1',
  subject: '00u-ann',
  email: 'ann@acme.test',
  emailVerified: false,
  idpId: 'okta',
  roleArn: 'arn:aws:iam::123456789012:role/Admin',
  sessionName: 'ann@acme.test',
  requestId: 'req-1',
  code: 'STS_DENIED',
  ip: '203.0.113.7',
  userAgent: 'rolegate-cli/1.0',
  expiresAt: at(3600),
  detail: {
    channel: 'cli',
    durationSeconds: 3600,
    tags: ['a', 'b'],
    nested: { ok: true, none: null },
  },
};

describeEachDialect('audit repo', (ctx) => {
  it('round-trips every field; absent fields stay absent; `at` defaults to now', async () => {
    const { audit } = ctx().repos;
    const written = await audit.appendAudit(issuance);
    const { at: when, ...rest } = issuance;
    assert.deepEqual(written, { id: written.id, at: when, ...rest });
    const before = Date.now();
    const minimal = await audit.appendAudit({ type: 'signout', outcome: 'ok' });
    assert.ok(minimal.at.getTime() >= before && minimal.at.getTime() <= Date.now());
    assert.deepEqual(
      [minimal.userId, minimal.detail, minimal.expiresAt, minimal.code],
      [undefined, undefined, undefined, undefined],
    );
  });

  it('issue 12 §1: whether the email was verified is stored beside it, and only beside an email', async () => {
    const { audit } = ctx().repos;
    const verified = await audit.appendAudit({ type: 'signin', outcome: 'ok', email: 'ann@acme.test', emailVerified: true });
    const noEmail = await audit.appendAudit({ type: 'signin', outcome: 'ok', emailVerified: false });
    const unknown = await audit.appendAudit({ type: 'signin', outcome: 'ok', email: 'old@acme.test' });
    const read = new Map((await audit.listAudit({ limit: 10, type: 'signin' })).map((r) => [r.id, r.emailVerified]));
    assert.deepEqual([read.get(verified.id), read.get(noEmail.id), read.get(unknown.id)], [true, undefined, undefined]);
  });

  it('lists newest first, with limit, before, userId and type filters', async () => {
    const { audit } = ctx().repos;
    for (const [i, type] of (['signin', 'console', 'denial', 'signin'] as const).entries()) {
      await audit.appendAudit({
        type,
        outcome: type === 'denial' ? 'denied' : 'ok',
        userId: 'user-2',
        at: at(100 + i),
      });
    }
    const mine = await audit.listAudit({ limit: 10, userId: 'user-2' });
    assert.deepEqual(
      mine.map((e) => e.type),
      ['signin', 'denial', 'console', 'signin'],
    );
    assert.deepEqual(
      (await audit.listAudit({ limit: 2, userId: 'user-2' })).map((e) => e.at),
      [at(103), at(102)],
    );
    const page2 = await audit.listAudit({ limit: 10, userId: 'user-2', before: at(102) });
    assert.deepEqual(
      page2.map((e) => e.at),
      [at(101), at(100)],
    );
    const signins = await audit.listAudit({ limit: 10, userId: 'user-2', type: 'signin' });
    assert.deepEqual(
      signins.map((e) => e.at),
      [at(103), at(100)],
    );
    assert.equal((await audit.listAudit({ limit: 0 })).length, 1, 'limit is clamped to at least 1');
  });

  it('refuses detail that looks like a secret, oversized detail and unknown types', async () => {
    const { audit } = ctx().repos;
    const base = { type: 'issuance', outcome: 'ok' } as const;
    const secrets: AuditDetail[] = [
      { sessionToken: 'FwoGZXIvYXdzE…' },
      { credentials: { secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } },
      { list: [{ idToken: 'x' }] },
      { upstream: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln' },
      { pem: '-----BEGIN RSA PRIVATE KEY-----\nMIIB…' },
      { url: 'https://signin.aws.amazon.com/federation?Action=login&SigninToken=abc' },
    ];
    for (const detail of secrets)
      await assert.rejects(audit.appendAudit({ ...base, detail }), rejectsInternal);
    await assert.rejects(
      audit.appendAudit({ ...base, detail: { blob: 'x'.repeat(9000) } }),
      rejectsInternal,
    );
    const unknown = { type: 'delete-everything', outcome: 'ok' } as unknown as AuditEventInput;
    await assert.rejects(audit.appendAudit(unknown), rejectsInternal);
    assert.equal(
      (await audit.listAudit({ limit: 500, type: 'issuance' })).length,
      1,
      'nothing refused was written',
    );
  });

  it('is append-only: the repo has no update, and its one delete is the retention sweep', () => {
    assert.deepEqual(Object.keys(ctx().repos.audit).sort(), ['appendAudit', 'listAudit', 'purgeOlderThan']);
  });

  it('serves as the core AuditSink (lib/core/issuance/audit-event.ts) without any mapping', async () => {
    const sink: AuditSink = async (record) => {
      await ctx().repos.audit.appendAudit(record);
    };
    await sink({
      type: 'console',
      outcome: 'failed',
      userId: 'user-3',
      code: 'CONSOLE_SIGNIN_FAILED',
    });
    const [last] = await ctx().repos.audit.listAudit({ limit: 1, userId: 'user-3' });
    assert.equal(last?.code, 'CONSOLE_SIGNIN_FAILED');
  });
});
