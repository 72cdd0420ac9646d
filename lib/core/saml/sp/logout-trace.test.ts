/**
 * Issue 13 §5: what an admin reads at /admin/saml about a LogoutRequest — every check in order when it is
 * accepted, and the failing check with its detail when it is refused (never the XML or the NameID).
 */
import assert from 'node:assert/strict';
import { createSign } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { ALG } from './algorithms';
import { connectWithLogout, logoutRequestFor, post, redirect, redirectLogoutQuery, signedLogoutRequest, signedQuery, type LogoutFields } from './testing/logout';
import { MemoryReplayStore } from './testing/memory-stores';
import { createTestIdp, freshCert, idpMetadataXml, type TestIdp } from './testing/test-idp';
import { SamlValidationError } from './trace';
import type { LogoutRequestInput, SamlSp, TraceEntry } from './types';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const FIELDS: LogoutFields = { now: NOW, id: '_lr', nameId: 'n', sessionIndexes: ['_s'] };
const pass = (check: string, detail?: string): TraceEntry => (detail === undefined ? { check, ok: true } : { check, ok: true, detail });
const TAIL = ['issuer', 'destination', 'time-window', 'nameid'].map((c) => pass(c)).concat([pass('session-index', '1 SessionIndex'), pass('replay')]);

describe('issue 13 §5: the trace of a LogoutRequest', () => {
  let idp: TestIdp;
  let sp: SamlSp;
  before(async () => {
    idp = await createTestIdp('shibboleth');
    ({ sp } = await connectWithLogout(idp));
  });
  const accept = async (input: LogoutRequestInput) => (await sp.validateLogoutRequest(input, { now: NOW, replay: new MemoryReplayStore() })).trace;
  async function lastEntry(input: LogoutRequestInput, replay = new MemoryReplayStore()): Promise<TraceEntry | undefined> {
    try {
      await sp.validateLogoutRequest(input, { now: NOW, replay });
    } catch (e) {
      assert.ok(e instanceof SamlValidationError);
      return e.trace.at(-1);
    }
    assert.fail('accepted');
  }
  const q = (f: LogoutFields = {}, relay?: string) => redirect(redirectLogoutQuery(idp, { ...FIELDS, ...f }, relay));
  const carrying = (xml: string) => redirect(signedQuery(xml, idp.cert.privateKeyPem));

  it('lists every check of an accepted HTTP-Redirect request', async () => {
    const bytes = Buffer.byteLength(logoutRequestFor(idp, FIELDS));
    assert.deepEqual(await accept(q()), [
      pass('message', 'LogoutRequest, HTTP-Redirect'), pass('query'), pass('signature', `query signature, ${ALG.rsaSha256}`), pass('size', `${bytes} bytes`),
      pass('doctype'), pass('well-formed'), pass('unique-ids'), pass('signature-placement', '0 signature(s)'), pass('schema'), ...TAIL,
    ]);
  });

  it('lists every check of an accepted HTTP-POST request', async () => {
    const xml = signedLogoutRequest(idp, FIELDS);
    assert.deepEqual(await accept(post(xml)), [
      pass('message', 'LogoutRequest, HTTP-POST'), pass('size', `${Buffer.byteLength(xml)} bytes`), pass('doctype'), pass('well-formed'), pass('unique-ids'),
      pass('signature-placement', '1 signature(s)'), pass('signature-present'), pass('schema'), pass('algorithms'), pass('signing-certificate'),
      pass('signature', 'enveloped signature'), ...TAIL,
    ]);
  });

  it('accepts RSA-SHA512 query signatures and form-decodes + as a space', async () => {
    const base = redirectLogoutQuery(idp, FIELDS);
    const part = `${base.slice(0, base.indexOf('&SigAlg='))}&RelayState=a+b&SigAlg=${encodeURIComponent(ALG.rsaSha512)}`;
    const query = `${part}&Signature=${encodeURIComponent(createSign('sha512').update(part).sign(idp.cert.privateKeyPem, 'base64'))}`;
    const v = await sp.validateLogoutRequest(redirect(query), { now: NOW, replay: new MemoryReplayStore() });
    assert.equal(v.relayState, 'a b');
    assert.equal(v.trace[2]?.detail, `query signature, ${ALG.rsaSha512}`);
  });

  it('verifies with any of the metadata certificates (rotation), in both bindings', async () => {
    const older = await freshCert('older idp key');
    const rotated = idpMetadataXml(idp.entityId, [older.certPem, idp.cert.certPem], 'https://x/sso', 'https://x/slo');
    const { sp: rotating } = await connectWithLogout(idp, { idpMetadataXml: rotated });
    for (const input of [q(), post(signedLogoutRequest(idp, FIELDS))]) {
      assert.equal((await rotating.validateLogoutRequest(input, { now: NOW, replay: new MemoryReplayStore() })).nameId, 'n');
    }
  });

  it('refuses an ID the store has seen even if recording would succeed (the server records in its commit)', async () => {
    const seenOnly = { seen: async () => true, remember: async () => true };
    assert.deepEqual(await lastEntry(q(), seenOnly as unknown as MemoryReplayStore), { check: 'replay', ok: false, detail: 'LogoutRequest ID already used' });
    const racing = { seen: async () => false, remember: async () => false };
    assert.deepEqual(await lastEntry(q(), racing as unknown as MemoryReplayStore), { check: 'replay', ok: false, detail: 'LogoutRequest ID already used' });
  });

  it('reads the query exactly: the size limit is inclusive, bare and unknown names (even repeated) are ignored', async () => {
    const good = redirectLogoutQuery(idp, FIELDS);
    const padded = `${good}&pad=`;
    assert.equal((await accept(redirect(`${padded}${'x'.repeat(699_056 - padded.length)}`))).length, 15);
    assert.deepEqual(await lastEntry(redirect(`${padded}${'x'.repeat(699_057 - padded.length)}`)), { check: 'size', ok: false, detail: 'query longer than 699056' });
    assert.equal((await accept(redirect(`${good}&SAMLRequestX`))).length, 15);
    assert.equal((await accept(redirect(`x=1&x=2&${good}`))).length, 15);
  });

  it('names a %-encoding the signature parameters cannot be decoded from', async () => {
    const good = redirectLogoutQuery(idp, FIELDS);
    assert.deepEqual(await lastEntry(redirect(good.replace(/SigAlg=[^&]*/, 'SigAlg=%E0%A4%A'))), { check: 'signature-algorithm', ok: false, detail: 'none' });
    assert.deepEqual(await lastEntry(redirect(good.replace(/Signature=[^&]*$/, 'Signature=%E0%A4%A'))), { check: 'signature', ok: false, detail: 'Signature is not base64' });
  });

  it('names the failing check and why', async () => {
    const good = redirectLogoutQuery(idp, FIELDS, 'r');
    const mallory = await freshCert('mallory');
    const signed = signedLogoutRequest(idp, FIELDS);
    const sig = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signed)?.[0] as string;
    const cases: Array<[LogoutRequestInput, string, string]> = [
      [redirect(`SAMLRequest=${'A'.repeat(700_000)}`), 'size', 'query longer than 699056'],
      [redirect(`${good}&SAMLRequest=x`), 'query', 'SAMLRequest given twice'],
      [redirect('RelayState=x'), 'query', 'no SAMLRequest'],
      [redirect(good.replace(/&Signature=[^&]*/, '')), 'signature-present', 'no SigAlg/Signature'],
      [redirect(good.replace(/SigAlg=[^&]*/, 'SigAlg=hmac')), 'signature-algorithm', 'hmac'],
      [redirect(good.replace(/SigAlg=[^&]*/, 'SigAlg=')), 'signature-algorithm', 'none'],
      [redirect(good.replace(/Signature=[^&]*$/, 'Signature=abc')), 'signature', 'Signature is not base64'],
      [redirect(redirectLogoutQuery(idp, FIELDS, undefined, mallory.privateKeyPem)), 'signature', 'query signature does not verify with a metadata certificate'],
      [q({}, 'r'.repeat(81)), 'relay-state', 'RelayState longer than 80 bytes'],
      [carrying(signed), 'signature-placement', 'XML signature in a redirect-binding message'],
      [carrying(logoutRequestFor(idp, FIELDS).replace(/LogoutRequest/g, 'LogoutResponse')), 'root', 'root is not samlp:LogoutRequest'],
      [post(logoutRequestFor(idp, FIELDS).replace('</saml:Issuer>', `</saml:Issuer><samlp:Extensions>${logoutRequestFor(idp, { ...FIELDS, id: '_x' })}</samlp:Extensions>`)), 'request-count', 'nested LogoutRequest'],
      [post(logoutRequestFor(idp, FIELDS)), 'signature-present', 'no signature'],
      [post(signed.replace('<saml:NameID', `${sig}<saml:NameID`)), 'signature-count', '2 signatures'],
      [post(signedLogoutRequest(idp, FIELDS, { privateKeyPem: mallory.privateKeyPem, certPem: mallory.certPem, keyInfo: false })), 'signature', 'signature does not verify with a metadata certificate'],
      [q({ issuer: null }), 'issuer', 'no Issuer'],
      [q({ issuer: 'https://evil' }), 'issuer', 'Issuer is not the IdP entity id'],
      [q({ destination: null }), 'destination', 'Destination is not our SLO URL'],
      [q({ issueInstant: new Date(NOW.getTime() + 61_000).toISOString() }), 'issue-instant', 'IssueInstant in the future, skew 60s'],
      [q({ issueInstant: new Date(NOW.getTime() - 361_000).toISOString() }), 'issue-instant', 'IssueInstant older than 300s'],
      [q({ notOnOrAfter: '2026-03-01T11:58:59.000Z' }), 'not-on-or-after', 'NotOnOrAfter 2026-03-01T11:58:59.000Z'],
      [q({ sessionIndexes: [''] }), 'session-index', 'empty, too long or control characters'],
    ];
    for (const [input, check, detail] of cases) assert.deepEqual(await lastEntry(input), { check, ok: false, detail }, `${check}: ${detail}`);
    const replay = new MemoryReplayStore();
    await sp.validateLogoutRequest(q(), { now: NOW, replay });
    assert.deepEqual(await lastEntry(q(), replay), { check: 'replay', ok: false, detail: 'LogoutRequest ID already used' });
  });
});
