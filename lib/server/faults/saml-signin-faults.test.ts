/**
 * Issue 14 §5, faults of a SAML sign-in at the ACS's decision (acs-accept.ts), on PostgreSQL behind a cut
 * proxy: the database going down inside the sign-in's commit or right after it, and an IdP clock off
 * beyond the connection's skew. The commit (request consumed, assertion recorded, user and session
 * written) is one transaction, so a cut inside it spends nothing and the person's own response still
 * signs them in once the database is back.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { SamlConnectionConfig } from '../../core/config/schema';
import { GatewayError, publicView, type GatewayErrorCode } from '../../core/errors';
import { b64, connect } from '../../core/saml/sp/testing/harness';
import { createTestIdp, type TestIdp, type TestSp } from '../../core/saml/sp/testing/test-idp';
import type { SamlSp } from '../../core/saml/sp/types';
import { hashToken } from '../../db/crypto';
import { skipReason } from '../../db/test-support/databases';
import { runSql } from '../../db/test-support/sql';
import { acceptSamlResponse, countSigninFailures, type AcsDeps } from '../saml/acs-accept';
import { startProxiedDb, type ProxiedDb } from './test-support/proxied-db';
import { storeOn } from './test-support/store';

const conn: SamlConnectionConfig = {
  id: 'adfs', name: 'ADFS', preset: 'adfs', metadataXml: 'x'.repeat(100), allowIdpInitiated: false, clockSkewSeconds: 60,
  DANGEROUSLY_ALLOW_SHA1: false, attributes: {}, groupNames: {}, disabled: false, emailsAuthoritative: true, nameIdPolicy: 'omit', forceAuthn: false, sloEndsCliLogins: false,
};
const META = { ip: '203.0.113.9', userAgent: 'fault-test' };

let idp: TestIdp;
let sp: SamlSp;
let testSp: TestSp;
before(async () => {
  idp = await createTestIdp('adfs');
  ({ sp, testSp } = await connect(idp));
});

/** The ACS's deps as sp-flow.ts builds them, on the proxied repos. */
function deps(db: ProxiedDb): AcsDeps {
  const { repos } = db;
  const now = () => new Date();
  return {
    config: { rules: [], roles: [], session: { maxAgeSeconds: 3600 } } as unknown as AcsDeps['config'],
    repos,
    store: storeOn(repos),
    signinFailed: countSigninFailures(repos, now, META, 'adfs'),
    hashSessionId: hashToken,
    now,
  };
}

interface Attempt {
  requestId: string;
  post(): Promise<{ sid: string }>;
}

/** A pending AuthnRequest of this browser and the IdP's response to it, issued `clockMs` off. */
async function attempt(db: ProxiedDb, n: number, clockMs = 0, mutateAssertion?: (xml: string) => string): Promise<Attempt> {
  const requestId = `_req-faults-${n}`;
  await db.repos.samlRequests.rememberRequest({ id: requestId, connectionId: 'adfs', expiresAt: new Date(Date.now() + 600_000) });
  const samlResponse = b64(await idp.issue(testSp, { inResponseTo: requestId, now: new Date(Date.now() + clockMs), user: { nameId: `user${n}@example.com` }, mutateAssertion }));
  const d = deps(db);
  return { requestId, post: () => acceptSamlResponse(d, { conn, sp, samlResponse, meta: META, boundRequestId: requestId }) };
}

async function refused(p: Promise<unknown>, code: GatewayErrorCode, status: number): Promise<void> {
  const err = await p.then(() => assert.fail('expected a refusal'), (e: unknown) => e);
  assert.ok(err instanceof GatewayError, String(err));
  assert.deepEqual([publicView(err).code, publicView(err).status], [code, status], err.message);
}

/** What a sign-in writes, read directly. */
async function state(db: ProxiedDb, requestId: string) {
  return {
    pending: await db.count('SamlRequest', `"id" = '${requestId}'`),
    replay: await db.count('SamlReplay'),
    users: await db.count('User'),
    sessions: await db.count('PortalSession'),
    signinsOk: await db.count('AuditEvent', `"type" = 'signin' AND "outcome" = 'ok'`),
  };
}

describe('issue 14 §5: SAML sign-in faults [postgresql]', { skip: skipReason('postgresql') }, () => {
  test('the database cut inside the commit: DB_UNAVAILABLE (503); back up, nothing was spent and the same response signs in', async (t) => {
    const db = await startProxiedDb(t);
    const a = await attempt(db, 1);
    const cut = db.proxy.cutWhenSent('INSERT INTO "public"."PortalSession"');
    await refused(a.post(), 'DB_UNAVAILABLE', 503);
    await cut;
    await db.proxy.restore();
    assert.deepEqual(await state(db, a.requestId), { pending: 1, replay: 0, users: 0, sessions: 0, signinsOk: 0 }, 'rolled back: request pending, assertion unspent, no user');
    const { sid } = await a.post();
    assert.ok(await db.repos.sessions.getActiveSession(hashToken(sid), new Date()));
    assert.deepEqual(await state(db, a.requestId), { pending: 0, replay: 1, users: 1, sessions: 1, signinsOk: 1 });
  });

  test('the database cut at the sign-in audit row, after the commit: DB_UNAVAILABLE, no session handed out, no row claims a sign-in; the next sign-in works', async (t) => {
    const db = await startProxiedDb(t);
    const a = await attempt(db, 2);
    const cut = db.proxy.cutWhenSent('INSERT INTO "public"."AuditEvent"');
    await refused(a.post(), 'DB_UNAVAILABLE', 503);
    await cut;
    await db.proxy.restore();
    assert.equal(await db.count('AuditEvent', `"type" = 'signin' AND "outcome" = 'ok'`), 0);
    // The commit spent the assertion: posting it again is a replay, not a second session.
    await refused(a.post(), 'SAML_REPLAY', 401);
    const b = await attempt(db, 3);
    await b.post();
    assert.equal(await db.count('AuditEvent', `"type" = 'signin' AND "outcome" = 'ok'`), 1);
  });

  test("the IdP's clock 10 minutes ahead (with or without NotBefore) or 15 behind: SAML_NOT_YET_VALID / SAML_EXPIRED (401), counted, nothing spent", async (t) => {
    const db = await startProxiedDb(t);
    const noNotBefore = (xml: string) => xml.replace(/ NotBefore="[^"]*"/g, '');
    const cases = [[4, 10 * 60_000, 'SAML_NOT_YET_VALID', undefined], [5, 10 * 60_000, 'SAML_NOT_YET_VALID', noNotBefore], [6, -15 * 60_000, 'SAML_EXPIRED', undefined]] as const;
    for (const [n, clockMs, code, mutate] of cases) {
      const a = await attempt(db, n, clockMs, mutate);
      await refused(a.post(), code, 401);
      assert.deepEqual(await state(db, a.requestId), { pending: 1, replay: 0, users: 0, sessions: 0, signinsOk: 0 }, `${code} ${n}`);
    }
    const [, withoutNotBefore] = await db.repos.samlTraces.listSamlTraces('adfs', 5);
    assert.deepEqual(withoutNotBefore?.checks.at(-1), { check: 'issue-instant', ok: false, detail: 'IssueInstant in the future, skew 60s' }, 'caught by the IssueInstant check');
    const counted = await runSql(db.directUrl, `SELECT "code", sum("count") AS n FROM "SigninFailureCount" WHERE "idpId" = 'adfs' GROUP BY "code" ORDER BY "code"`);
    assert.deepEqual(counted.map((r) => `${String(r.code)} ${String(r.n)}`), ['SAML_EXPIRED 1', 'SAML_NOT_YET_VALID 2']);
    assert.deepEqual((await db.repos.samlTraces.listSamlTraces('adfs', 5)).map((r) => [r.outcome, r.code]).sort(), [['failed', 'SAML_EXPIRED'], ['failed', 'SAML_NOT_YET_VALID'], ['failed', 'SAML_NOT_YET_VALID']]);
  });
});
