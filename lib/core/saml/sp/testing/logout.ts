/**
 * Test-only: an IdP's LogoutRequest (saml-core §3.7.1) in the layout SimpleSAMLphp and Shibboleth send,
 * signed enveloped (HTTP-POST) or by query string (HTTP-Redirect), and a connection with single logout on.
 */
import { certBody } from '../../certificate';
import { signedRedirectUrl } from '../redirect-binding';
import { connect } from './harness';
import { esc, newId } from './build';
import { signElement, type SignOptions } from './sign';
import type { TestIdp } from './test-idp';
import { freshCert } from './test-idp';
import type { GatewayErrorCode } from '../../../errors';
import { SamlValidationError } from '../trace';
import type { LogoutRequestInput, SamlRejection, SamlSp, SamlSpConnection } from '../types';
import { MemoryReplayStore } from './memory-stores';

export const SLO_URL = 'https://rolegate.test/saml/test/slo';

export interface LogoutFields {
  id?: string;
  nameId?: string;
  sessionIndexes?: string[];
  now?: Date;
  /** null: the attribute or element is left out. */
  destination?: string | null;
  issuer?: string | null;
  notOnOrAfter?: string | null;
  issueInstant?: string;
  /** Extra XML placed after the NameID (before SessionIndex). */
  afterNameId?: string;
}

/** The unsigned LogoutRequest XML. */
export function logoutRequestFor(idp: TestIdp, f: LogoutFields = {}): string {
  const now = f.now ?? new Date();
  const destination = f.destination === undefined ? SLO_URL : f.destination;
  const issuer = f.issuer === undefined ? idp.entityId : f.issuer;
  const notOnOrAfter = f.notOnOrAfter === undefined ? new Date(now.getTime() + 300_000).toISOString() : f.notOnOrAfter;
  const attrs = [
    `ID="${f.id ?? newId()}"`,
    'Version="2.0"',
    `IssueInstant="${f.issueInstant ?? now.toISOString()}"`,
    destination === null ? '' : `Destination="${esc(destination)}"`,
    notOnOrAfter === null ? '' : `NotOnOrAfter="${notOnOrAfter}"`,
  ].filter(Boolean);
  const sessions = (f.sessionIndexes ?? ['_session1']).map((s) => `<samlp:SessionIndex>${esc(s)}</samlp:SessionIndex>`).join('');
  return (
    `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ${attrs.join(' ')}>` +
    (issuer === null ? '' : `<saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">${esc(issuer)}</saml:Issuer>`) +
    `<saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient" SPNameQualifier="https://rolegate.test/saml/sp">${esc(f.nameId ?? '_transient42')}</saml:NameID>` +
    (f.afterNameId ?? '') +
    `${sessions}</samlp:LogoutRequest>`
  );
}

/** The LogoutRequest signed enveloped by `idp` (or `signing`'s key). */
export function signedLogoutRequest(idp: TestIdp, f: LogoutFields = {}, signing: Partial<SignOptions> = {}): string {
  return signElement(logoutRequestFor(idp, f), 'Response', { privateKeyPem: idp.cert.privateKeyPem, certPem: idp.cert.certPem, ...signing });
}

/** The query string of an HTTP-Redirect message carrying exactly `xml`, signed by `privateKeyPem`. */
export function signedQuery(xml: string, privateKeyPem: string, relayState?: string): string {
  const url = signedRedirectUrl(SLO_URL, 'SAMLRequest', xml, privateKeyPem, relayState);
  return url.slice(url.indexOf('?') + 1);
}

/** The query string of an HTTP-Redirect LogoutRequest signed by `privateKeyPem` (the IdP's by default). */
export function redirectLogoutQuery(idp: TestIdp, f: LogoutFields = {}, relayState?: string, privateKeyPem = idp.cert.privateKeyPem): string {
  return signedQuery(logoutRequestFor(idp, f), privateKeyPem, relayState);
}

/** The code `sp` refuses `input` with (checking one rejection was reported with it), or 'accepted'. */
export async function logoutCode(sp: SamlSp, input: LogoutRequestInput, replay = new MemoryReplayStore(), now = new Date()): Promise<GatewayErrorCode | 'accepted'> {
  const rejected: SamlRejection[] = [];
  try {
    await sp.validateLogoutRequest(input, { now, replay, onRejected: (r) => void rejected.push(r) });
    return 'accepted';
  } catch (e) {
    if (!(e instanceof SamlValidationError)) throw e;
    if (rejected.length !== 1 || rejected[0]?.code !== e.code) throw new Error(`rejections reported: ${JSON.stringify(rejected)}`);
    return e.code;
  }
}

export const redirect = (query: string): LogoutRequestInput => ({ binding: 'redirect', query });
export const post = (xml: string, relayState?: string): LogoutRequestInput => ({ binding: 'post', samlRequest: Buffer.from(xml, 'utf8').toString('base64'), relayState });

/** A connection to `idp` with single logout on (an SP signing key and our SLO URL). */
export async function connectWithLogout(idp: TestIdp, overrides: Partial<SamlSpConnection> = {}): Promise<{ sp: SamlSp; spCertBody: string; spCertPem: string }> {
  const signing = await freshCert('rolegate sp signing');
  const { sp } = await connect(idp, { sloUrl: SLO_URL, spSigningKey: signing.privateKeyPem, spSigningCert: signing.certPem, ...overrides });
  return { sp, spCertBody: certBody(signing.certPem), spCertPem: signing.certPem };
}
