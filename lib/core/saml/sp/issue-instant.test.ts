/**
 * Issue 14 §5: an assertion issued in the future beyond the skew is SAML_NOT_YET_VALID even when its
 * Conditions carry no NotBefore (it is optional): an IdP whose clock runs ahead was otherwise accepted.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkConditions, checkIssueInstant } from './assertion-checks';
import { expectations as x, NOW, parsed, passing, refusal, responseText, SKEW_MS } from './testing/checks';

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

describe('checkConditions checks the IssueInstant after the Conditions window', () => {
  const issuedAhead = (ms: number, edit: (xml: string) => string = (xml) => xml) =>
    parsed(responseText(), (xml) => edit(xml).replace(/(<Assertion [^>]*IssueInstant=")[^"]*"/, `$1${new Date(NOW + ms).toISOString()}"`)).assertion;

  it('refuses an assertion issued 20 minutes ahead whose Conditions have no NotBefore (as an IdP whose clock runs ahead may send)', async () => {
    const assertion = issuedAhead(20 * 60_000, (xml) => xml.replace(/ NotBefore="[^"]*"/g, ''));
    const r = await refusal((t) => checkConditions(assertion, x, t));
    assert.equal(r.code, 'SAML_NOT_YET_VALID');
    assert.deepEqual(r.trace.map((e) => [e.check, e.ok]), [['audience', true], ['conditions-window', true], ['issue-instant', false]]);
  });

  it('accepts one issued 30 s ahead, within the 60 s skew', () => {
    const { trace } = passing((t) => checkConditions(issuedAhead(30_000, (xml) => xml.replace(/ NotBefore="[^"]*"/g, '')), x, t));
    assert.deepEqual(trace.entries.at(-1), { check: 'issue-instant', ok: true });
  });
});
