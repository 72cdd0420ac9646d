/**
 * Protocol-level attacks on validly signed responses: the checks samlify does not do (Audience, Recipient,
 * Destination, InResponseTo, replay; AWS-FACTS §0.1, [AUD] F-4/F-5), time windows with skew, assertion
 * count, SubjectConfirmationData wrapping, Status.
 */
import { MemoryReplayStore } from '../../lib/core/saml/sp/testing/harness';
import { becomeAdmin, dropOwnSignature, edit, first, SAML } from './dom';
import type { AttackCase } from './case';

const LIFETIME_MS = 300_000;
const SKEW_MS = 60_000;

export const protocolCases: AttackCase[] = [
  {
    name: 'replay of an accepted response',
    expect: 'SAML_REPLAY',
    run: async (w) => {
      const { xml, requestId } = await w.issue('adfs');
      const replay = new MemoryReplayStore();
      await w.validate(w.peers.adfs, xml, { requestIds: [requestId], replay });
      return w.validate(w.peers.adfs, xml, { requestIds: [requestId], replay });
    },
  },
  {
    name: 'InResponseTo names a request we never sent',
    expect: 'SAML_IN_RESPONSE_TO_MISMATCH',
    run: async (w) => {
      const { xml } = await w.issue('adfs', { inResponseTo: '_forged_request' });
      return w.validate(w.peers.adfs, xml, { requestIds: ['_the_real_request'] });
    },
  },
  {
    name: 'InResponseTo missing from the signed SubjectConfirmationData',
    expect: 'SAML_IN_RESPONSE_TO_MISSING',
    issue: { fields: { inResponseToOnResponseOnly: true } },
  },
  {
    name: 'unsolicited response while IdP-initiated sign-in is off',
    expect: 'SAML_UNSOLICITED',
    run: async (w) => {
      const xml = await w.peers.adfs.idp.issue(w.peers.adfs.testSp, { user: { nameId: 'mallory@example.com' } });
      return w.validate(w.peers.adfs, xml);
    },
  },
  { name: 'Audience is another SP', expect: 'SAML_AUDIENCE_MISMATCH', issue: { fields: { audience: 'https://other-sp.test/saml' } } },
  { name: 'Recipient is another ACS', expect: 'SAML_RECIPIENT_MISMATCH', issue: { fields: { recipient: 'https://other-sp.test/acs' } } },
  { name: 'Destination is another ACS', expect: 'SAML_DESTINATION_MISMATCH', idp: 'okta', issue: { fields: { destination: 'https://other-sp.test/acs' } } },
  { name: 'Destination missing', expect: 'SAML_DESTINATION_MISMATCH', issue: { fields: { destination: null } } },
  {
    name: 'expired beyond the clock skew',
    expect: 'SAML_EXPIRED',
    run: async (w) => {
      const { xml, requestId } = await w.issue('adfs');
      return w.validate(w.peers.adfs, xml, { requestIds: [requestId], now: new Date(Date.now() + LIFETIME_MS + SKEW_MS + 5_000) });
    },
  },
  {
    name: 'not yet valid beyond the clock skew',
    expect: 'SAML_NOT_YET_VALID',
    run: async (w) => {
      const { xml, requestId } = await w.issue('adfs');
      return w.validate(w.peers.adfs, xml, { requestIds: [requestId], now: new Date(Date.now() - SKEW_MS - 30_000) });
    },
  },
  {
    name: 'IdP session already over (SessionNotOnOrAfter in the past)',
    expect: 'SAML_EXPIRED',
    issue: { mutateAssertion: (a) => a.replace('<AuthnStatement ', `<AuthnStatement SessionNotOnOrAfter="${new Date(Date.now() - 600_000).toISOString()}" `) },
  },
  {
    name: 'two signed assertions in one response',
    expect: 'SAML_ASSERTION_COUNT',
    mutate: (x) =>
      edit(x, (d) => {
        const a = first(d, SAML, 'Assertion');
        a.parentNode?.appendChild(a.cloneNode(true));
      }),
  },
  {
    name: 'SubjectConfirmationData wrapping (signed assertion hidden in an evil one)',
    expect: 'SAML_WRAPPING_DETECTED',
    mutate: (x) =>
      edit(x, (d) => {
        const signed = first(d, SAML, 'Assertion');
        const evil = signed.cloneNode(true) as Element;
        dropOwnSignature(evil);
        becomeAdmin(evil);
        evil.setAttribute('ID', '_evil');
        signed.parentNode?.replaceChild(evil, signed);
        first(evil, SAML, 'SubjectConfirmationData').appendChild(signed);
      }),
  },
  {
    name: 'Status is not Success',
    expect: 'SAML_STATUS_NOT_SUCCESS',
    issue: { fields: { status: 'urn:oasis:names:tc:SAML:2.0:status:Responder' } },
  },
  {
    name: 'assertion Issuer is another IdP',
    expect: 'SAML_ISSUER_MISMATCH',
    issue: { fields: { idpEntityId: 'https://other-idp.test/metadata' } },
  },
  {
    name: 'no bearer SubjectConfirmation',
    expect: 'SAML_SUBJECT_CONFIRMATION_INVALID',
    issue: { mutateAssertion: (a) => a.replace('urn:oasis:names:tc:SAML:2.0:cm:bearer', 'urn:oasis:names:tc:SAML:2.0:cm:sender-vouches') },
  },
];
