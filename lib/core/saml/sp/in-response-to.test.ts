/**
 * InResponseTo (saml-profiles §4.1.4.2, [AUD] F-5) and assertion replay (saml-profiles §4.1.4.5), checked
 * by session-checks.ts on its own: the attack suite reaches some of these codes through other checks first.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passing, refusal } from './testing/checks';
import { consumeRequest, refuseSeenAssertion, rememberAssertion, solicitedRequestId } from './session-checks';
import { MemoryReplayStore, MemoryRequestStore } from './testing/memory-stores';

describe('solicitedRequestId', () => {
  it('returns the signed confirmation InResponseTo when the Response agrees', () => {
    const { result, trace } = passing((t) => solicitedRequestId({ confirmation: '_a', response: '_a', allowIdpInitiated: false }, t));
    assert.equal(result, '_a');
    assert.deepEqual(trace.entries, []);
  });

  it('returns the confirmation InResponseTo when the Response carries none', () => {
    assert.equal(passing((t) => solicitedRequestId({ confirmation: '_a', allowIdpInitiated: false }, t)).result, '_a');
  });

  it('refuses a Response InResponseTo that disagrees with the signed confirmation: SAML_IN_RESPONSE_TO_MISMATCH', async () => {
    const r = await refusal((t) => solicitedRequestId({ confirmation: '_a', response: '_b', allowIdpInitiated: true }, t));
    assert.equal(r.code, 'SAML_IN_RESPONSE_TO_MISMATCH');
    assert.deepEqual(r.trace.at(-1), { check: 'in-response-to', ok: false, detail: 'Response and SubjectConfirmationData disagree' });
  });

  it('refuses a Response InResponseTo that the signed confirmation lacks: SAML_IN_RESPONSE_TO_MISSING', async () => {
    const r = await refusal((t) => solicitedRequestId({ response: '_b', allowIdpInitiated: true }, t));
    assert.equal(r.code, 'SAML_IN_RESPONSE_TO_MISSING');
    assert.deepEqual(r.trace.at(-1), { check: 'in-response-to', ok: false, detail: 'SubjectConfirmationData has no InResponseTo' });
  });

  it('refuses an unsolicited response while IdP-initiated sign-in is off: SAML_UNSOLICITED', async () => {
    const r = await refusal((t) => solicitedRequestId({ allowIdpInitiated: false }, t));
    assert.equal(r.code, 'SAML_UNSOLICITED');
    assert.deepEqual(r.trace.at(-1), { check: 'in-response-to', ok: false, detail: 'no InResponseTo and IdP-initiated is off' });
  });

  it('allows an unsolicited response when IdP-initiated sign-in is on, and says so in the trace', () => {
    const { result, trace } = passing((t) => solicitedRequestId({ allowIdpInitiated: true }, t));
    assert.equal(result, undefined);
    assert.deepEqual(trace.entries, [{ check: 'in-response-to', ok: true, detail: 'IdP-initiated' }]);
  });
});

describe('replay and request stores', () => {
  it('remembers an assertion ID until it expires; the second sighting is SAML_REPLAY', async () => {
    const replay = new MemoryReplayStore();
    const expires = new Date('2026-03-01T12:06:00Z');
    const first = passing((t) => rememberAssertion(replay, '_assertion', expires, t));
    await first.result;
    assert.deepEqual(first.trace.entries, [{ check: 'replay', ok: true }]);
    assert.equal(replay.recorded.get('_assertion'), expires.getTime());
    const r = await refusal((t) => rememberAssertion(replay, '_assertion', expires, t));
    assert.equal(r.code, 'SAML_REPLAY');
    assert.deepEqual(r.trace.at(-1), { check: 'replay', ok: false, detail: 'assertion ID already used' });
  });

  it('issue 12 §7: a known assertion ID is SAML_REPLAY before any check records anything; an unknown one records nothing', async () => {
    const replay = new MemoryReplayStore();
    await passing((t) => refuseSeenAssertion(replay, '_fresh', t)).result;
    assert.equal(replay.recorded.size, 0, 'looking does not spend the ID');
    replay.recorded.set('_used', Date.parse('2026-03-01T12:06:00Z'));
    const r = await refusal((t) => refuseSeenAssertion(replay, '_used', t));
    assert.equal(r.code, 'SAML_REPLAY');
    assert.deepEqual(r.trace.at(-1), { check: 'replay', ok: false, detail: 'assertion ID already used' });
  });

  it('consumes a pending request once; an unknown or answered one is SAML_IN_RESPONSE_TO_MISMATCH', async () => {
    const requests = new MemoryRequestStore();
    requests.add('_req');
    const first = passing((t) => consumeRequest(requests, '_req', t));
    await first.result;
    assert.deepEqual(first.trace.entries, [{ check: 'in-response-to', ok: true }]);
    const r = await refusal((t) => consumeRequest(requests, '_req', t));
    assert.equal(r.code, 'SAML_IN_RESPONSE_TO_MISMATCH');
    assert.deepEqual(r.trace.at(-1), { check: 'in-response-to', ok: false, detail: 'no pending AuthnRequest with this ID' });
  });
});
