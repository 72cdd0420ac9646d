/**
 * Validity windows with clock skew (saml-core §2.5.1.2, §2.4.1.2, §2.7.2): valid when
 * NotBefore − skew ≤ now < NotOnOrAfter + skew. The boundaries are tested to the millisecond, and the
 * session window (SessionNotOnOrAfter) by checkSession on its own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSession } from './assertion-checks';
import { expectations as x, parsed, passing, refusal, responseText } from './testing/checks';
import { requireWindow, windowOf, windowProblem } from './time-window';
import { parseXml } from './xml';

const NB = '2026-03-01T12:00:00.000Z';
const NOOA = '2026-03-01T12:05:00.000Z';
const SKEW = 60_000;
const w = { notBefore: NB, notOnOrAfter: NOOA };

describe('windowProblem: NotBefore − skew ≤ now < NotOnOrAfter + skew', () => {
  it('is inside at exactly NotBefore − skew (inclusive)', () => {
    assert.equal(windowProblem(w, Date.parse(NB) - SKEW, SKEW), undefined);
  });
  it('is SAML_NOT_YET_VALID one millisecond earlier', () => {
    assert.equal(windowProblem(w, Date.parse(NB) - SKEW - 1, SKEW), 'SAML_NOT_YET_VALID');
  });
  it('is inside one millisecond before NotOnOrAfter + skew', () => {
    assert.equal(windowProblem(w, Date.parse(NOOA) + SKEW - 1, SKEW), undefined);
  });
  it('is SAML_EXPIRED at exactly NotOnOrAfter + skew (exclusive)', () => {
    assert.equal(windowProblem(w, Date.parse(NOOA) + SKEW, SKEW), 'SAML_EXPIRED');
  });
  it('fails closed on a time that does not parse', () => {
    assert.equal(windowProblem({ notBefore: 'soon' }, Date.parse(NB), SKEW), 'SAML_NOT_YET_VALID');
    assert.equal(windowProblem({ notOnOrAfter: 'later' }, Date.parse(NB), SKEW), 'SAML_EXPIRED');
  });
  it('leaves a missing bound open', () => {
    assert.equal(windowProblem({ notOnOrAfter: NOOA }, 0, SKEW), undefined);
    assert.equal(windowProblem({ notBefore: NB }, Date.parse('2100-01-01T00:00:00Z'), SKEW), undefined);
    assert.equal(windowProblem({}, 0, 0), undefined);
  });
});

describe('windowOf', () => {
  it('reads NotBefore and NotOnOrAfter of an element', () => {
    const el = parseXml(`<C NotBefore="${NB}" NotOnOrAfter="${NOOA}"/>`).documentElement;
    assert.deepEqual(windowOf(el), { notBefore: NB, notOnOrAfter: NOOA });
  });
  it('is open without an element', () => {
    assert.deepEqual(windowOf(undefined), {});
  });
});

describe('requireWindow', () => {
  it('names the edge and the skew in the trace of SAML_EXPIRED', async () => {
    const r = await refusal((t) => requireWindow(w, Date.parse(NOOA) + SKEW, SKEW, 'conditions-window', t));
    assert.equal(r.code, 'SAML_EXPIRED');
    assert.deepEqual(r.trace.at(-1), { check: 'conditions-window', ok: false, detail: `NotOnOrAfter ${NOOA}, skew 60s` });
  });
  it('names the edge and the skew in the trace of SAML_NOT_YET_VALID', async () => {
    const r = await refusal((t) => requireWindow(w, Date.parse(NB) - SKEW - 1, SKEW, 'confirmation-window', t));
    assert.equal(r.code, 'SAML_NOT_YET_VALID');
    assert.deepEqual(r.trace.at(-1), { check: 'confirmation-window', ok: false, detail: `NotBefore ${NB}, skew 60s` });
  });
  it('records the pass', () => {
    assert.deepEqual(passing((t) => requireWindow(w, Date.parse(NB), SKEW, 'session-window', t)).trace.entries, [{ check: 'session-window', ok: true }]);
  });
});

describe('IdP session window (saml-core §2.7.2 SessionNotOnOrAfter)', () => {
  const withSessionEnd = (iso: string) =>
    parsed(responseText(), (xml) => xml.replace('<AuthnStatement ', `<AuthnStatement SessionNotOnOrAfter="${iso}" `));

  it('refuses a session that ended more than the skew ago: SAML_EXPIRED', async () => {
    const { assertion } = withSessionEnd(new Date(x.nowMs - x.skewMs).toISOString());
    const r = await refusal((t) => checkSession(assertion, x, t));
    assert.equal(r.code, 'SAML_EXPIRED');
    assert.equal(r.trace.at(-1)?.check, 'session-window');
  });

  it('accepts a session ending within the skew and returns the SessionIndex', () => {
    const { assertion } = withSessionEnd(new Date(x.nowMs - x.skewMs + 1).toISOString());
    const { result, trace } = passing((t) => checkSession(assertion, x, t));
    assert.equal(result, assertion.getAttribute('ID'));
    assert.deepEqual(trace.entries, [{ check: 'session-window', ok: true }]);
  });

  it('accepts an assertion without SessionNotOnOrAfter or AuthnStatement', () => {
    const { assertion } = parsed(responseText(), (xml) => xml.replace(/<AuthnStatement .*<\/AuthnStatement>/, ''));
    assert.equal(passing((t) => checkSession(assertion, x, t)).result, undefined);
  });
});
