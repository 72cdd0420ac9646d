/**
 * saml-core §2.5.1.4 AudienceRestriction, checked by checkConditions on its own: every AudienceRestriction
 * must name our entityID and at least one must be present (issue 12 §8: no test sent either case).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkConditions } from './assertion-checks';
import { expectations as x, parsed, passing, refusal, responseText, SP } from './testing/checks';

const restriction = (audiences: string[]): string =>
  `<AudienceRestriction>${audiences.map((a) => `<Audience>${a}</Audience>`).join('')}</AudienceRestriction>`;
/** The ADFS-shaped response with its Conditions' restrictions replaced by `restrictions`. */
const withRestrictions = (restrictions: string) =>
  parsed(responseText(), (xml) => xml.replace(/<AudienceRestriction>.*<\/AudienceRestriction>/, restrictions));

describe('AudienceRestriction (saml-core §2.5.1.4)', () => {
  it('accepts our entityID and returns the Conditions NotOnOrAfter', () => {
    const { assertion } = parsed(responseText());
    const { result, trace } = passing((t) => checkConditions(assertion, x, t));
    assert.equal(result, new Date(x.nowMs + 300_000).toISOString());
    assert.deepEqual(trace.entries, [{ check: 'audience', ok: true }, { check: 'conditions-window', ok: true }, { check: 'issue-instant', ok: true }]);
  });

  it('refuses an assertion without any AudienceRestriction: SAML_AUDIENCE_MISMATCH', async () => {
    const { assertion } = withRestrictions('');
    const r = await refusal((t) => checkConditions(assertion, x, t));
    assert.equal(r.code, 'SAML_AUDIENCE_MISMATCH');
    assert.deepEqual(r.trace.at(-1), { check: 'audience', ok: false, detail: 'our entityID is not the Audience' });
  });

  it('refuses an assertion without Conditions: SAML_AUDIENCE_MISMATCH', async () => {
    const { assertion } = parsed(responseText(), (xml) => xml.replace(/<Conditions .*<\/Conditions>/, ''));
    assert.equal((await refusal((t) => checkConditions(assertion, x, t))).code, 'SAML_AUDIENCE_MISMATCH');
  });

  it('refuses a second AudienceRestriction for another SP (every restriction must hold): SAML_AUDIENCE_MISMATCH', async () => {
    const { assertion } = withRestrictions(restriction([SP]) + restriction(['https://other-sp.test/saml']));
    assert.equal((await refusal((t) => checkConditions(assertion, x, t))).code, 'SAML_AUDIENCE_MISMATCH');
  });

  it('refuses a restriction with no Audience in it: SAML_AUDIENCE_MISMATCH', async () => {
    const { assertion } = withRestrictions(restriction([SP]) + restriction([]));
    assert.equal((await refusal((t) => checkConditions(assertion, x, t))).code, 'SAML_AUDIENCE_MISMATCH');
  });

  it('accepts a restriction listing several audiences, one of them us', () => {
    const { assertion } = withRestrictions(restriction(['https://other-sp.test/saml', SP]) + restriction([SP]));
    assert.doesNotThrow(() => passing((t) => checkConditions(assertion, x, t)));
  });

  it('reads Audience as xs:anyURI: surrounding whitespace is not part of the value', () => {
    const { assertion } = withRestrictions(`<AudienceRestriction><Audience>\n  ${SP}\n</Audience></AudienceRestriction>`);
    assert.doesNotThrow(() => passing((t) => checkConditions(assertion, x, t)));
  });

  it('refuses an audience that only contains our entityID: SAML_AUDIENCE_MISMATCH', async () => {
    const { assertion } = withRestrictions(restriction([`${SP}/evil`]));
    assert.equal((await refusal((t) => checkConditions(assertion, x, t))).code, 'SAML_AUDIENCE_MISMATCH');
  });

  it('checks the Conditions window after the audience: SAML_EXPIRED past NotOnOrAfter + skew', async () => {
    const { assertion } = parsed(responseText());
    const r = await refusal((t) => checkConditions(assertion, { ...x, nowMs: x.nowMs + 300_000 + x.skewMs }, t));
    assert.equal(r.code, 'SAML_EXPIRED');
    assert.equal(r.trace.at(-1)?.check, 'conditions-window');
  });

  it('checks the Conditions window: SAML_NOT_YET_VALID before NotBefore − skew', async () => {
    const { assertion } = parsed(responseText());
    const r = await refusal((t) => checkConditions(assertion, { ...x, nowMs: x.nowMs - 5000 - x.skewMs - 1 }, t));
    assert.equal(r.code, 'SAML_NOT_YET_VALID');
    assert.equal(r.trace.at(-1)?.check, 'conditions-window');
  });
});
