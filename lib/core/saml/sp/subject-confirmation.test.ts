/**
 * saml-profiles §4.1.4.2, checked by checkSubjectConfirmation on its own: exactly one bearer
 * SubjectConfirmation, whose SubjectConfirmationData names our ACS as Recipient, carries NotOnOrAfter and
 * is inside its window (saml-core §2.4.1.2).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSubjectConfirmation } from './assertion-checks';
import { expectations as x, parsed, passing, refusal, responseText } from './testing/checks';

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const HOLDER = 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key';
const SCD = /<SubjectConfirmationData [^>]*\/>/;
const CONFIRMATION = /<SubjectConfirmation .*<\/SubjectConfirmation>/;
const end = new Date(x.nowMs + 300_000).toISOString();
const data = (attrs: string): string => `<SubjectConfirmationData ${attrs}/>`;
const confirmation = (method: string, inner: string): string => `<SubjectConfirmation Method="${method}">${inner}</SubjectConfirmation>`;
const good = data(`InResponseTo="_req1" NotOnOrAfter="${end}" Recipient="${x.acsUrl}"`);

describe('bearer SubjectConfirmation (saml-profiles §4.1.4.2)', () => {
  it('returns the SubjectConfirmationData NotOnOrAfter and InResponseTo', () => {
    const { assertion } = parsed(responseText());
    const { result, trace } = passing((t) => checkSubjectConfirmation(assertion, x, t));
    assert.deepEqual(result, { notOnOrAfter: end, inResponseTo: '_req1' });
    assert.deepEqual(trace.entries.map((e) => e.check), ['recipient', 'confirmation-window']);
  });

  it('returns no InResponseTo for an unsolicited response', () => {
    const { assertion } = parsed(responseText({ inResponseTo: undefined }));
    assert.equal(passing((t) => checkSubjectConfirmation(assertion, x, t)).result.inResponseTo, undefined);
  });

  it('refuses an assertion without Subject: SAML_SUBJECT_CONFIRMATION_INVALID', async () => {
    const { assertion } = parsed(responseText(), (xml) => xml.replace(/<Subject>.*<\/Subject>/, ''));
    const r = await refusal((t) => checkSubjectConfirmation(assertion, x, t));
    assert.equal(r.code, 'SAML_SUBJECT_CONFIRMATION_INVALID');
    assert.deepEqual(r.trace.at(-1), { check: 'subject-confirmation', ok: false, detail: '0 bearer confirmations with data' });
  });

  it('refuses two bearer confirmations: SAML_SUBJECT_CONFIRMATION_INVALID', async () => {
    const two = confirmation(BEARER, good) + confirmation(BEARER, good);
    const { assertion } = parsed(responseText(), (xml) => xml.replace(CONFIRMATION, two));
    const r = await refusal((t) => checkSubjectConfirmation(assertion, x, t));
    assert.equal(r.code, 'SAML_SUBJECT_CONFIRMATION_INVALID');
    assert.equal(r.trace.at(-1)?.detail, '2 bearer confirmations with data');
  });

  it('refuses a holder-of-key confirmation alone (only bearer counts): SAML_SUBJECT_CONFIRMATION_INVALID', async () => {
    const { assertion } = parsed(responseText(), (xml) => xml.replace(CONFIRMATION, confirmation(HOLDER, good)));
    assert.equal((await refusal((t) => checkSubjectConfirmation(assertion, x, t))).code, 'SAML_SUBJECT_CONFIRMATION_INVALID');
  });

  it('reads the one bearer confirmation beside a holder-of-key one', () => {
    const other = data(`NotOnOrAfter="${end}" Recipient="https://other-sp.test/acs"`);
    const { assertion } = parsed(responseText(), (xml) => xml.replace(CONFIRMATION, confirmation(HOLDER, other) + confirmation(BEARER, good)));
    assert.equal(passing((t) => checkSubjectConfirmation(assertion, x, t)).result.notOnOrAfter, end);
  });

  it('refuses a bearer confirmation without SubjectConfirmationData: SAML_SUBJECT_CONFIRMATION_INVALID', async () => {
    const { assertion } = parsed(responseText(), (xml) => xml.replace(SCD, ''));
    const r = await refusal((t) => checkSubjectConfirmation(assertion, x, t));
    assert.equal(r.code, 'SAML_SUBJECT_CONFIRMATION_INVALID');
    assert.equal(r.trace.at(-1)?.detail, '1 bearer confirmations with data');
  });

  it('refuses a Recipient other than our ACS: SAML_RECIPIENT_MISMATCH', async () => {
    const { assertion } = parsed(responseText({ recipient: 'https://other-sp.test/acs' }));
    const r = await refusal((t) => checkSubjectConfirmation(assertion, x, t));
    assert.equal(r.code, 'SAML_RECIPIENT_MISMATCH');
    assert.deepEqual(r.trace.at(-1), { check: 'recipient', ok: false, detail: 'Recipient is not our ACS URL' });
  });

  it('refuses SubjectConfirmationData without NotOnOrAfter: SAML_SUBJECT_CONFIRMATION_INVALID', async () => {
    const { assertion } = parsed(responseText(), (xml) => xml.replace(SCD, data(`InResponseTo="_req1" Recipient="${x.acsUrl}"`)));
    const r = await refusal((t) => checkSubjectConfirmation(assertion, x, t));
    assert.equal(r.code, 'SAML_SUBJECT_CONFIRMATION_INVALID');
    assert.deepEqual(r.trace.at(-1), { check: 'subject-confirmation', ok: false, detail: 'no NotOnOrAfter' });
  });

  it('refuses confirmation data past its NotOnOrAfter + skew: SAML_EXPIRED', async () => {
    const r = await refusal((t) => checkSubjectConfirmation(parsed(responseText()).assertion, { ...x, nowMs: x.nowMs + 300_000 + x.skewMs }, t));
    assert.equal(r.code, 'SAML_EXPIRED');
    assert.equal(r.trace.at(-1)?.check, 'confirmation-window');
  });

  it('refuses confirmation data before its NotBefore − skew: SAML_NOT_YET_VALID', async () => {
    const early = data(`NotBefore="${new Date(x.nowMs + x.skewMs + 1).toISOString()}" NotOnOrAfter="${end}" Recipient="${x.acsUrl}"`);
    const { assertion } = parsed(responseText(), (xml) => xml.replace(SCD, early));
    const r = await refusal((t) => checkSubjectConfirmation(assertion, x, t));
    assert.equal(r.code, 'SAML_NOT_YET_VALID');
    assert.equal(r.trace.at(-1)?.check, 'confirmation-window');
  });
});
