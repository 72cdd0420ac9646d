/**
 * Issue 14 §5: an assertion issued in the future beyond the skew is SAML_NOT_YET_VALID even when its
 * Conditions carry no NotBefore (it is optional): an IdP whose clock runs ahead was otherwise accepted.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { checkIssueInstant } from './assertion-checks';
import { b64, connect, context } from './testing/harness';
import { expectations as x, NOW, parsed, passing, refusal, responseText, SKEW_MS } from './testing/checks';
import { createTestIdp, type TestIdp, type TestSp } from './testing/test-idp';
import type { SamlSp } from './types';

const issuedAt = (ms: number) => parsed(responseText(), (xml) => xml.replace(/(<Assertion [^>]*IssueInstant=")[^"]*"/, `$1${new Date(ms).toISOString()}"`)).assertion;

describe('checkIssueInstant (saml-core §2.3.3)', () => {
  it('passes an assertion issued now, in the past, or up to the skew ahead (inclusive)', () => {
    for (const ms of [NOW - 3_600_000, NOW, NOW + SKEW_MS]) {
      const { trace } = passing((t) => checkIssueInstant(issuedAt(ms), x, t));
      assert.deepEqual(trace.entries, [{ check: 'issue-instant', ok: true }], new Date(ms).toISOString());
    }
  });

  it('refuses one issued a millisecond beyond the skew: SAML_NOT_YET_VALID, named in the trace', async () => {
    const r = await refusal((t) => checkIssueInstant(issuedAt(NOW + SKEW_MS + 1), x, t));
    assert.equal(r.code, 'SAML_NOT_YET_VALID');
    assert.deepEqual(r.trace, [{ check: 'issue-instant', ok: false, detail: 'IssueInstant in the future, skew 60s' }]);
  });

  it('fails closed on an IssueInstant that does not parse or is missing', async () => {
    const bad = parsed(responseText(), (xml) => xml.replace(/(<Assertion [^>]*IssueInstant=")[^"]*"/, '$1soon"')).assertion;
    assert.equal((await refusal((t) => checkIssueInstant(bad, x, t))).code, 'SAML_NOT_YET_VALID');
    const none = parsed(responseText(), (xml) => xml.replace(/(<Assertion [^>]*) IssueInstant="[^"]*"/, '$1')).assertion;
    assert.equal((await refusal((t) => checkIssueInstant(none, x, t))).code, 'SAML_NOT_YET_VALID');
  });
});

describe('validateResponse: an IdP clock ahead without NotBefore', () => {
  let idp: TestIdp;
  let sp: SamlSp;
  let testSp: TestSp;
  before(async () => {
    idp = await createTestIdp('adfs');
    ({ sp, testSp } = await connect(idp));
  });
  const withoutNotBefore = (xml: string) => xml.replace(/ NotBefore="[^"]*"/g, '');
  const post = async (aheadMs: number) => {
    const ctx = context();
    ctx.requests.add('_req');
    const xml = await idp.issue(testSp, { inResponseTo: '_req', now: new Date(Date.now() + aheadMs), mutateAssertion: withoutNotBefore });
    return sp.validateResponse(b64(xml), ctx);
  };

  it('is SAML_NOT_YET_VALID 20 minutes ahead', async () => {
    await assert.rejects(post(20 * 60_000), (e: unknown) => (e as { code?: string }).code === 'SAML_NOT_YET_VALID' && JSON.stringify((e as { trace?: unknown }).trace).includes('"issue-instant","ok":false'));
  });

  it('is accepted 30 s ahead, within the 60 s skew', async () => {
    assert.equal((await post(30_000)).nameId, 'alice@example.com');
  });
});
