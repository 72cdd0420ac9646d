/**
 * Issue 13 §5: an IdP's LogoutRequest, the message samlify's own parsing lets a wrapped signature through
 * (GHSA-63ch-w8pw-4mf2). Each case starts from a request the IdP really signed (HTTP-POST, enveloped; or
 * HTTP-Redirect, query signature) and is refused by our pipeline, so no session ends.
 */
import { ALG } from '../../lib/core/saml/sp/algorithms';
import { connectWithLogout, logoutRequestFor, post, redirect, redirectLogoutQuery, signedLogoutRequest, type LogoutFields } from '../../lib/core/saml/sp/testing/logout';
import { MemoryReplayStore } from '../../lib/core/saml/sp/testing/memory-stores';
import { signElement } from '../../lib/core/saml/sp/testing/sign';
import { freshCert, type TestIdp } from '../../lib/core/saml/sp/testing/test-idp';
import type { LogoutRequestInput, SamlSp } from '../../lib/core/saml/sp/types';
import type { AttackCase, PositiveControl } from './case';
import type { World } from './world';

const VICTIM = 'victim@example.com';
const SIG = /<ds:Signature[\s\S]*<\/ds:Signature>/;
const peers = new Map<TestIdp, Promise<SamlSp>>();

/** Rolegate's connection (single logout on) to the world's Shibboleth-shaped IdP, built once. */
function logoutSp(idp: TestIdp): Promise<SamlSp> {
  if (!peers.has(idp)) peers.set(idp, connectWithLogout(idp).then((c) => c.sp));
  return peers.get(idp) as Promise<SamlSp>;
}

/**
 * Validates as /saml/<c>/slo does. The server ends sessions only with what this returns
 * (lib/server/saml/slo-flow.ts), so a refusal here is a logout that ended nothing.
 */
async function logoutAttempt(w: World, input: LogoutRequestInput, replay = new MemoryReplayStore()) {
  const sp = await logoutSp(w.peers.shibboleth.idp);
  return sp.validateLogoutRequest(input, { now: new Date(), replay, onRejected: (r) => void w.audit.push({ type: 'signout', outcome: 'failed', code: r.code }) });
}

/** The IdP's signed (enveloped) LogoutRequest for the victim, then the attacker's edit. */
function postCase(name: string, expect: AttackCase['expect'], edit: (signed: string, idp: TestIdp) => string, f: LogoutFields = {}): AttackCase {
  return { name: `logout (POST): ${name}`, expect, run: (w) => logoutAttempt(w, post(edit(signedLogoutRequest(w.peers.shibboleth.idp, { nameId: VICTIM, ...f }), w.peers.shibboleth.idp))) };
}

function redirectCase(name: string, expect: AttackCase['expect'], query: (idp: TestIdp) => string | Promise<string>): AttackCase {
  return { name: `logout (Redirect): ${name}`, expect, run: async (w) => logoutAttempt(w, redirect(await query(w.peers.shibboleth.idp))) };
}

/** An unsigned LogoutRequest for someone else, with `inner` inside its Extensions. */
const evilAround = (idp: TestIdp, inner: string) =>
  logoutRequestFor(idp, { nameId: 'admin@example.com', id: '_evil' }).replace('</saml:Issuer>', `</saml:Issuer><samlp:Extensions>${inner}</samlp:Extensions>`);

export const logoutCases: AttackCase[] = [
  postCase('signed request wrapped inside an unsigned one (Extensions)', 'SAML_WRAPPING_DETECTED', (s, idp) => evilAround(idp, s)),
  postCase('signature moved onto an evil request, the signed one inside ds:Object', 'SAML_WRAPPING_DETECTED', (s, idp) => {
    const signature = SIG.exec(s)?.[0] as string;
    const evil = logoutRequestFor(idp, { nameId: 'admin@example.com', id: /ID="([^"]+)"/.exec(s)?.[1] });
    return evil.replace('</saml:Issuer>', `</saml:Issuer>${signature.replace('</ds:Signature>', `<ds:Object>${s.replace(SIG, '')}</ds:Object></ds:Signature>`)}`);
  }),
  postCase('a second, unsigned LogoutRequest beside the signed content', 'SAML_WRAPPING_DETECTED', (s, idp) =>
    s.replace('</saml:Issuer>', `</saml:Issuer><samlp:Extensions>${logoutRequestFor(idp, { nameId: 'admin@example.com', id: '_twin' })}</samlp:Extensions>`),
  ),
  postCase('signature referencing another element (the NameID)', 'SAML_WRAPPING_DETECTED', (s) => s.replace(/URI="#[^"]*"/, 'URI="#_n"').replace('<saml:NameID ', '<saml:NameID ID="_n" ')),
  {
    // The IdP signed `admin@example.com<!---->.victim@…`: exc-c14n drops the comment, so the signature holds.
    name: 'logout (POST): comment-injected NameID (signature still verifies)',
    expect: 'SAML_NAMEID_INVALID',
    run: (w) => {
      const idp = w.peers.shibboleth.idp;
      const xml = logoutRequestFor(idp, { nameId: VICTIM }).replace(`${VICTIM}<`, `admin@example.com<!---->.${VICTIM}<`);
      return logoutAttempt(w, post(signElement(xml, 'Response', { privateKeyPem: idp.cert.privateKeyPem, certPem: idp.cert.certPem })));
    },
  },
  postCase('wrong Destination', 'SAML_DESTINATION_MISMATCH', (s) => s, { destination: 'https://rolegate.test/saml/other/slo' }),
  postCase('expired (NotOnOrAfter passed)', 'SAML_EXPIRED', (s) => s, { notOnOrAfter: new Date(Date.now() - 120_000).toISOString() }),
  postCase('unsigned', 'SAML_SIGNATURE_MISSING', (s) => s.replace(SIG, '')),
  postCase('NameID edited after signing', 'SAML_SIGNATURE_INVALID', (s) => s.replace(VICTIM, 'admin@example.com')),
  {
    name: 'logout (POST): signed by an unknown key (its certificate in KeyInfo)',
    expect: 'SAML_CERT_NOT_TRUSTED',
    run: async (w) => {
      const mallory = await freshCert('mallory');
      return logoutAttempt(w, post(signedLogoutRequest(w.peers.shibboleth.idp, { nameId: VICTIM }, { privateKeyPem: mallory.privateKeyPem, certPem: mallory.certPem })));
    },
  },
  {
    name: 'logout (POST): replay of an accepted request',
    expect: 'SAML_REPLAY',
    run: async (w) => {
      const replay = new MemoryReplayStore();
      const xml = signedLogoutRequest(w.peers.shibboleth.idp, { nameId: VICTIM });
      await logoutAttempt(w, post(xml), replay);
      return logoutAttempt(w, post(xml), replay);
    },
  },
  redirectCase('unsigned query', 'SAML_SIGNATURE_MISSING', (idp) => redirectLogoutQuery(idp, { nameId: VICTIM }).replace(/&SigAlg=.*$/, '')),
  redirectCase('signed by an unknown key', 'SAML_SIGNATURE_INVALID', async (idp) => redirectLogoutQuery(idp, { nameId: VICTIM }, undefined, (await freshCert('mallory')).privateKeyPem)),
  redirectCase('RelayState changed after signing', 'SAML_SIGNATURE_INVALID', (idp) => redirectLogoutQuery(idp, { nameId: VICTIM }, 'a').replace('RelayState=a', 'RelayState=b')),
  redirectCase('RSA-SHA1 SigAlg', 'SAML_ALGORITHM_FORBIDDEN', (idp) => redirectLogoutQuery(idp, { nameId: VICTIM }).replace(/SigAlg=[^&]*/, `SigAlg=${encodeURIComponent(ALG.rsaSha1)}`)),
  redirectCase('a second SAMLRequest appended', 'SAML_MALFORMED', (idp) => `${redirectLogoutQuery(idp, { nameId: VICTIM })}&SAMLRequest=${encodeURIComponent('x')}`),
];

export const logoutPositives: PositiveControl[] = [
  { name: 'valid LogoutRequest (HTTP-POST) accepted', expectNameId: VICTIM, run: (w) => logoutAttempt(w, post(signedLogoutRequest(w.peers.shibboleth.idp, { nameId: VICTIM }))) },
  { name: 'valid LogoutRequest (HTTP-Redirect) accepted', expectNameId: VICTIM, run: (w) => logoutAttempt(w, redirect(redirectLogoutQuery(w.peers.shibboleth.idp, { nameId: VICTIM }, 'rs'))) },
];
