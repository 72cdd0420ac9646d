import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { SamlValidationError } from './trace';
import { b64, connect, context, MemoryReplayStore, MemoryRequestStore } from './testing/harness';
import { createTestIdp, type TestIdp, type TestSp } from './testing/test-idp';
import type { SamlRejection, SamlSp } from './types';

const GROUPS = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups';

async function rejection(p: Promise<unknown>): Promise<SamlValidationError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof SamlValidationError, `not a SamlValidationError: ${String(e)}`);
    return e;
  }
  assert.fail('the response was accepted');
}

describe('validateResponse (ADFS shape: signed Assertion)', () => {
  let idp: TestIdp;
  let sp: SamlSp;
  let testSp: TestSp;
  before(async () => {
    idp = await createTestIdp('adfs');
    ({ sp, testSp } = await connect(idp));
  });

  it('returns the identity from the signed assertion, with a trace of passed checks', async () => {
    const ctx = context();
    ctx.requests.add('_req1');
    const xml = await idp.issue(testSp, { inResponseTo: '_req1', user: { nameId: 'alice@example.com', attributes: { [GROUPS]: ['aws-admins', 'eng'] } } });
    const r = await sp.validateResponse(b64(xml), ctx);
    assert.equal(r.nameId, 'alice@example.com');
    assert.equal(r.nameIdFormat, 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
    assert.equal(r.issuer, idp.entityId);
    assert.equal(r.inResponseTo, '_req1');
    assert.deepEqual(r.attributes, { [GROUPS]: ['aws-admins', 'eng'] });
    assert.equal(r.sessionIndex, r.assertionId);
    assert.ok(r.notOnOrAfter.getTime() > Date.now());
    assert.ok(r.trace.every((t) => t.ok));
    for (const check of ['schema', 'signature', 'signed-view', 'audience', 'recipient', 'destination', 'replay', 'in-response-to']) {
      assert.ok(r.trace.some((t) => t.check === check), `trace has ${check}`);
    }
    assert.equal(ctx.requests.pending.size, 0, 'the request ID was consumed');
    assert.equal(ctx.replay.recorded.get(r.assertionId), r.notOnOrAfter.getTime() + 60_000, 'remembered until NotOnOrAfter + skew');
  });

  it('refuses a comment-split NameID although the signature verified', async () => {
    const xml = await idp.issue(testSp, { inResponseTo: '_r', user: { nameId: 'admin@example.com.evil.test' } });
    const split = xml.replace('admin@example.com.evil.test', 'admin@example.com<!---->.evil.test');
    const err = await rejection(sp.validateResponse(b64(split), context(new MemoryRequestStore())));
    assert.equal(err.code, 'SAML_NAMEID_INVALID');
    assert.ok(err.trace.some((t) => t.check === 'signature' && t.ok), 'the signature itself was valid');
  });

  it('reads attribute values as full textContent, never the first text node', async () => {
    const ctx = context();
    ctx.requests.add('_r2');
    const xml = await idp.issue(testSp, { inResponseTo: '_r2', user: { nameId: 'bob@example.com', attributes: { [GROUPS]: ['aws-admins-not'] } } });
    const r = await sp.validateResponse(b64(xml.replace('aws-admins-not', 'aws-admins<!---->-not')), ctx);
    assert.deepEqual(r.attributes[GROUPS], ['aws-admins-not']);
  });

  it('attaches the trace to the error, reports the rejection once, and burns no request ID', async () => {
    const rejections: SamlRejection[] = [];
    const requests = new MemoryRequestStore();
    requests.add('_r3');
    const xml = await idp.issue(testSp, { inResponseTo: '_r3', fields: { audience: 'https://elsewhere.test' } });
    const ctx = { ...context(requests), onRejected: (r: SamlRejection) => void rejections.push(r) };
    const err = await rejection(sp.validateResponse(b64(xml), ctx));
    assert.equal(err.code, 'SAML_AUDIENCE_MISMATCH');
    assert.deepEqual(rejections.map((r) => r.code), ['SAML_AUDIENCE_MISMATCH']);
    assert.deepEqual(err.trace.at(-1), { check: 'audience', ok: false, detail: 'our entityID is not the Audience' });
    assert.ok(!JSON.stringify(err.trace).includes('<'), 'the trace carries no XML');
    assert.ok(requests.pending.has('_r3'), 'a rejected response does not consume the request');
  });

  it('uses ctx.now with the skew for every window', async () => {
    const xml = await idp.issue(testSp, { inResponseTo: '_r4' });
    const late = new Date(Date.now() + 300_000 + 61_000);
    const err = await rejection(sp.validateResponse(b64(xml), { now: late, requests: new MemoryRequestStore(), replay: new MemoryReplayStore() }));
    assert.equal(err.code, 'SAML_EXPIRED');
  });

  it('accepts an IdP-initiated response only when the connection allows it', async () => {
    const xml = await idp.issue(testSp, { user: { nameId: 'carol@example.com' } });
    assert.equal((await rejection(sp.validateResponse(b64(xml), context()))).code, 'SAML_UNSOLICITED');
    const { sp: open } = await connect(idp, { allowIdpInitiated: true });
    const r = await open.validateResponse(b64(xml), context());
    assert.equal(r.inResponseTo, undefined);
    assert.equal(r.nameId, 'carol@example.com');
  });

  it('issue 12 §7: a response answering no pending request does not spend its assertion ID', async () => {
    const ctx = context();
    const xml = await idp.issue(testSp, { inResponseTo: '_req7', user: { nameId: 'alice@example.com' } });
    const wrong = await rejection(sp.validateResponse(b64(xml), ctx));
    assert.equal(wrong.code, 'SAML_IN_RESPONSE_TO_MISMATCH');
    assert.equal(ctx.replay.recorded.size, 0, 'the failed post recorded nothing');
    ctx.requests.add('_req7');
    const ok = await sp.validateResponse(b64(xml), ctx);
    assert.equal(ok.replayUntil.getTime(), ok.notOnOrAfter.getTime() + 60_000);
    assert.equal((await rejection(sp.validateResponse(b64(xml), ctx))).code, 'SAML_REPLAY', 'the request is spent, yet it reads as a replay');
    ctx.requests.add('_req7');
    assert.equal((await rejection(sp.validateResponse(b64(xml), ctx))).code, 'SAML_REPLAY');
    assert.equal(ctx.requests.pending.size, 1, 'a replay spends no request');
  });

  it('refuses an InResponseTo that disagrees between Response and confirmation', async () => {
    const xml = await idp.issue(testSp, { inResponseTo: '_r5' });
    const err = await rejection(sp.validateResponse(b64(xml.replace(/(<samlp:Response[^>]*InResponseTo=")_r5/, '$1_r6')), context()));
    assert.equal(err.code, 'SAML_IN_RESPONSE_TO_MISMATCH');
  });
});

describe('validateResponse across IdP shapes', () => {
  for (const shape of ['adfs-encrypted', 'okta', 'entra', 'google', 'shibboleth'] as const) {
    it(`accepts a valid ${shape} response`, async () => {
      const idp = await createTestIdp(shape);
      const { sp, testSp } = await connect(idp);
      const ctx = context();
      ctx.requests.add('_req');
      const xml = await idp.issue(testSp, { inResponseTo: '_req', user: { nameId: `${shape}@example.com`, attributes: { groups: ['g1'] } } });
      const r = await sp.validateResponse(b64(xml), ctx);
      assert.equal(r.nameId, `${shape}@example.com`);
      assert.deepEqual(r.attributes.groups, ['g1']);
    });
  }

  it('requires the decrypted assertion to be signed even when the Response is', async () => {
    const idp = await createTestIdp('shibboleth');
    const { sp, testSp } = await connect(idp);
    const xml = await idp.issue(testSp, { inResponseTo: '_req', style: { signAssertion: false, signResponse: true } });
    const err = await rejection(sp.validateResponse(b64(xml), context()));
    // Publicly one code after decryption (encrypted-refusal.ts); the trace names the missing signature.
    assert.equal(err.code, 'SAML_DECRYPTION_FAILED');
    assert.ok(err.trace.some((t) => t.check === 'signature-present' && !t.ok));
  });
});
