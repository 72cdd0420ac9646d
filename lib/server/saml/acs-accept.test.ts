/**
 * Issue 12 §7 at the ACS's decision, on both dialects: a post that fails (here: from a browser that did not
 * start the sign-in, so its InResponseTo is not that browser's pending request) spends neither the
 * request nor the assertion ID; the owner's post then succeeds once, and posting it again is a replay.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { SamlConnectionConfig } from '../../core/config/schema';
import { GatewayError, type GatewayErrorCode } from '../../core/errors';
import { b64, connect } from '../../core/saml/sp/testing/harness';
import { createTestIdp, type TestIdp, type TestSp } from '../../core/saml/sp/testing/test-idp';
import type { SamlSp } from '../../core/saml/sp/types';
import { hashToken } from '../../db/crypto';
import { describeEachDialect, type TestDatabase } from '../../db/test-support/databases';
import type { Store } from '../ports';
import { sweepAuthState } from '../auth-state-sweep';
import { acceptSamlResponse, countSigninFailures, type AcsDeps } from './acs-accept';

const conn: SamlConnectionConfig = {
  id: 'adfs', name: 'ADFS', preset: 'adfs', metadataXml: 'x'.repeat(100), allowIdpInitiated: false, clockSkewSeconds: 60,
  DANGEROUSLY_ALLOW_SHA1: false, attributes: {}, groupNames: {}, disabled: false, emailsAuthoritative: true, nameIdPolicy: 'omit', forceAuthn: false, sloEndsCliLogins: false,
};

function deps(t: TestDatabase, failures: GatewayErrorCode[]): AcsDeps {
  const { repos } = t;
  const store: Store = {
    upsertUserOnLogin: (i) => repos.users.upsertUserOnLogin(i),
    createSession: async (s) => void (await repos.sessions.createSession(s)),
    getActiveSession: (id, at) => repos.sessions.getActiveSession(id, at),
    revokeSession: async (id, at) => void (await repos.sessions.revokeSession(id, at)),
    audit: async (r) => void (await repos.audit.appendAudit(r)),
  };
  return {
    config: { rules: [], roles: [], session: { maxAgeSeconds: 3600 } } as unknown as AcsDeps['config'],
    repos,
    store,
    signinFailed: async (code) => void failures.push(code),
    hashSessionId: hashToken,
    now: () => new Date(),
  };
}

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof GatewayError, String(e));
    return e.code;
  }
  return 'accepted';
};

let idp: TestIdp;
let sp: SamlSp;
let testSp: TestSp;
before(async () => {
  idp = await createTestIdp('adfs');
  ({ sp, testSp } = await connect(idp));
});

describeEachDialect('ACS commit (issue 12 §7)', (ctx) => {
  it('a failed post spends nothing; the good post succeeds once; posting it again is SAML_REPLAY', async () => {
    const t = ctx();
    const failures: GatewayErrorCode[] = [];
    const d = deps(t, failures);
    const requestId = '_req-issue12-7';
    await t.repos.samlRequests.rememberRequest({ id: requestId, connectionId: 'adfs', expiresAt: new Date(Date.now() + 600_000) });
    const samlResponse = b64(await idp.issue(testSp, { inResponseTo: requestId, user: { nameId: 'alice@example.com' } }));
    const post = (bound: string | undefined) => acceptSamlResponse(d, { conn, sp, samlResponse, meta: { ip: '203.0.113.9' }, boundRequestId: bound });

    assert.equal(await codeOf(post(undefined)), 'SAML_IN_RESPONSE_TO_MISMATCH', 'posted from a browser without the request cookie');
    assert.equal(await codeOf(post('_another-request')), 'SAML_IN_RESPONSE_TO_MISMATCH', 'posted from a browser with another request');
    const now = new Date();
    assert.equal(await t.repos.samlRequests.isPending(requestId, 'adfs', now), true);
    const { sid } = await post(requestId);
    assert.ok(await t.repos.sessions.getActiveSession(hashToken(sid), new Date()), 'the owner is signed in');
    assert.equal(await codeOf(post(requestId)), 'SAML_REPLAY');
    assert.deepEqual(failures, ['SAML_IN_RESPONSE_TO_MISMATCH', 'SAML_IN_RESPONSE_TO_MISMATCH', 'SAML_REPLAY']);
  });

  it('issue 13 §3: an Entra groups overage (groups.link) is SAML_GROUPS_OVERAGE, recorded, and spends nothing', async () => {
    const t = ctx();
    const failures: GatewayErrorCode[] = [];
    const requestId = '_req-issue13-overage';
    await t.repos.samlRequests.rememberRequest({ id: requestId, connectionId: 'adfs', expiresAt: new Date(Date.now() + 600_000) });
    const link = { 'http://schemas.microsoft.com/claims/groups.link': ['https://graph.windows.net/t/users/u/getMemberObjects'] };
    const samlResponse = b64(await idp.issue(testSp, { inResponseTo: requestId, user: { nameId: 'dana@contoso.example', attributes: link } }));
    const post = acceptSamlResponse(deps(t, failures), { conn: { ...conn, preset: 'entra', emailsAuthoritative: false }, sp, samlResponse, meta: { ip: '203.0.113.9' }, boundRequestId: requestId });
    assert.equal(await codeOf(post), 'SAML_GROUPS_OVERAGE');
    assert.deepEqual(failures, ['SAML_GROUPS_OVERAGE']);
    assert.equal(await t.repos.samlRequests.isPending(requestId, 'adfs', new Date()), true, 'the request is not consumed');
  });

  it('issue 12 §6: a flood of 200 failed posts from one address is one ledger row with its count', async () => {
    const t = ctx();
    let clock = new Date('2031-03-01T09:00:05.000Z');
    const meta = { ip: '2001:db8:7:7::1', userAgent: 'flood' };
    const d = { ...deps(t, []), now: () => clock };
    d.signinFailed = countSigninFailures(t.repos, d.now, meta, 'adfs');
    const forged = b64('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>');
    for (let i = 0; i < 200; i++) {
      meta.ip = `2001:db8:7:7::${i.toString(16)}`; // rotating inside one /64
      assert.match(await codeOf(acceptSamlResponse(d, { conn, sp, samlResponse: forged, meta, boundRequestId: undefined })), /^SAML_/);
    }
    const ledger = () => t.repos.audit.listAudit({ limit: 500, type: 'signin', outcome: 'failed', idpId: 'adfs' });
    assert.equal((await ledger()).length, 0, 'nothing appended per post');
    clock = new Date('2031-03-01T09:01:00.000Z');
    const swept = await sweepAuthState({
      now: d.now,
      rollUpSigninFailures: (before) => t.repos.signinFailures.rollUpSigninFailures(before),
      purgeExpiredRequests: (at) => t.repos.samlRequests.purgeExpiredRequests(at),
      purgeExpiredAssertions: (at) => t.repos.samlReplay.purgeExpiredAssertions(at),
      pruneSamlTraces: () => t.repos.samlTraces.pruneAllSamlTraces(),
      purgeFullRateBuckets: (at) => t.repos.rateLimits.purgeFullBuckets(at),
      onError: (err) => assert.fail(String(err)),
    });
    assert.equal(swept.failureRows, 1);
    const rows = await ledger();
    assert.deepEqual(rows.map((r) => [r.at.toISOString(), r.ip, r.code, r.detail]), [['2031-03-01T09:00:00.000Z', '2001:db8:7:7::/64', rows[0]?.code, { count: 200, window: '1m' }]]);
    assert.ok(swept.traces >= 150, `pruned ${swept.traces}`);
    assert.equal((await t.repos.samlTraces.listSamlTraces('adfs', 500)).length, 50, 'the failure traces are cut to the newest 50');
  });
});

// Issue 13 §2, as Shibboleth sends it: a transient NameID with NameQualifier and SPNameQualifier, urn:oid
// attribute names, an encrypted assertion, pretty-printed.
const EPPN = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.6';
const shibConn: SamlConnectionConfig = { ...conn, id: 'shib', name: 'Shibboleth', preset: 'shibboleth' };
const prettyShibboleth = (spEntityId: string) => (xml: string) =>
  xml
    .replace('<saml2:NameID ', `<saml2:NameID NameQualifier="https://idp.example.edu/idp/shibboleth" SPNameQualifier="${spEntityId}" `)
    .replace(/></g, '>\n    <');

describeEachDialect('ACS subject (issue 13 §2)', (ctx) => {
  it('a transient NameID is refused without a subject attribute (failed trace with the hint, no user); with one, two sign-ins are one user', async () => {
    const t = ctx();
    const failures: GatewayErrorCode[] = [];
    const d = deps(t, failures);
    const shib = await createTestIdp('shibboleth');
    const { sp: shibSp, testSp: shibTestSp } = await connect(shib);
    const attributes = { [EPPN]: ['jdoe@example.edu'], 'urn:oid:0.9.2342.19200300.100.1.3': ['jdoe@example.edu'], 'urn:oid:1.3.6.1.4.1.5923.1.1.1.9': ['member', 'staff'] };
    const signIn = async (c: SamlConnectionConfig, n: number) => {
      const requestId = `_req-issue13-2-${n}`;
      await t.repos.samlRequests.rememberRequest({ id: requestId, connectionId: 'shib', expiresAt: new Date(Date.now() + 600_000) });
      const xml = await shib.issue(shibTestSp, { inResponseTo: requestId, user: { nameId: `AAdzZWNyZXQx${n}transient`, attributes }, mutateAssertion: prettyShibboleth(shibTestSp.spEntityId) });
      return acceptSamlResponse(d, { conn: c, sp: shibSp, samlResponse: b64(xml), meta: { ip: '203.0.113.9' }, boundRequestId: requestId });
    };

    assert.equal(await codeOf(signIn(shibConn, 1)), 'SAML_SUBJECT_TRANSIENT');
    assert.equal(await t.repos.samlRequests.isPending('_req-issue13-2-1', 'shib', new Date()), true, 'nothing spent');
    assert.equal((await t.repos.users.listRecent()).length, 0, 'no user');
    const [failed] = await t.repos.samlTraces.listSamlTraces('shib', 1);
    assert.deepEqual([failed?.outcome, failed?.code], ['failed', 'SAML_SUBJECT_TRANSIENT']);
    const hint = failed?.checks.at(-1);
    assert.deepEqual([hint?.check, hint?.ok], ['subject', false]);
    assert.match(hint?.detail ?? '', new RegExp(`transient NameIDs .*set subjectAttribute.*single-valued attributes it sent: ${EPPN}`));
    assert.deepEqual(Object.values(failed?.attributes ?? {}), [[], [], []], 'attribute names only');
    assert.ok(!JSON.stringify(failed).includes('jdoe'), 'no values anywhere in the trace');

    const withEppn = { ...shibConn, subjectAttribute: EPPN };
    const first = await signIn(withEppn, 2);
    const second = await signIn(withEppn, 3);
    assert.equal(second.userId, first.userId, 'one person');
    const [ok] = await t.repos.samlTraces.listSamlTraces('shib', 1);
    assert.deepEqual(ok?.checks.at(-1), { check: 'subject', ok: true, detail: `attribute ${EPPN}` });

    assert.equal(await codeOf(signIn({ ...shibConn, subjectAttribute: 'urn:oid:2.16.840.1.113730.3.1.3' }, 4)), 'SAML_SUBJECT_ATTRIBUTE_INVALID');
    assert.deepEqual(failures, ['SAML_SUBJECT_TRANSIENT', 'SAML_SUBJECT_ATTRIBUTE_INVALID']);
  });
});
