/**
 * Test helpers for the test SAML IdP: a samlify ServiceProvider playing the gateway, a browser-like SP-initiated
 * flow driven with plain `fetch`, form scraping, and xml-crypto signature verification against a metadata cert.
 */
import * as samlify from 'samlify';
import { SignedXml } from 'xml-crypto';

import { NS } from './response-xml';
import { type SamlIdp, type SamlIdpOptions, type ShapeId, startSamlIdp } from './server';
import { parseXml } from './xml';

export const TEST_SP = { entityId: 'https://rolegate.test/saml/sp', acsUrl: 'http://localhost:9/api/saml/acs' } as const;
export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

export function startTestIdp(extra: Partial<SamlIdpOptions> = {}): Promise<SamlIdp> {
  return startSamlIdp({ sps: [TEST_SP], ...extra });
}

export interface TestSp {
  sp: samlify.ServiceProviderInstance;
  /** The IdP as the SP knows it: built from the IdP's metadata. */
  idp: samlify.IdentityProviderInstance;
}

type SpSettings = Parameters<typeof samlify.ServiceProvider>[0];

/** The SP playing the gateway (TEST_SP), e.g. to export its metadata. */
export function testSpEntity(settings: SpSettings = {}): samlify.ServiceProviderInstance {
  return samlify.ServiceProvider({
    entityID: TEST_SP.entityId,
    assertionConsumerService: [{ Binding: samlify.Constants.namespace.binding.post, Location: TEST_SP.acsUrl }],
    ...settings,
  });
}

export function testSp(idpMetadataXml: string, settings: SpSettings = {}): TestSp {
  return { sp: testSpEntity(settings), idp: samlify.IdentityProvider({ metadata: idpMetadataXml }) };
}

function decode(value: string): string {
  return value.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');
}

export interface Form {
  action: string;
  fields: Record<string, string>;
}

/** The first form of a page: its action and hidden inputs. */
export function formOf(html: string): Form {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  if (action === undefined) throw new Error('no form in page');
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)) {
    if (m[1] !== undefined && m[2] !== undefined) fields[m[1]] = decode(m[2]);
  }
  return { action: decode(action), fields };
}

export interface Page {
  status: number;
  html: string;
  url: string;
}

export async function getPage(url: string, init?: RequestInit): Promise<Page> {
  const res = await fetch(url, { ...init, redirect: 'manual' });
  return { status: res.status, html: await res.text(), url };
}

export function postForm(url: string, fields: Record<string, string>): Promise<Page> {
  return getPage(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Posts the login form of `page` with the given credentials. */
export function submitLogin(page: Page, login: string, password = 'demo'): Promise<Page> {
  const form = formOf(page.html);
  return postForm(new URL(form.action, page.url).href, { ...form.fields, login, password });
}

export interface SignInResult {
  /** The AuthnRequest ID (SP-initiated). */
  requestId?: string;
  loginPage: Page;
  result: Page;
  /** Present when the IdP answered with the auto-submitting SAMLResponse form. */
  post?: { action: string; samlResponse: string; relayState?: string; xml: string };
}

export function postOf(page: Page): SignInResult['post'] {
  if (!page.html.includes('name="SAMLResponse"')) return undefined;
  const { action, fields } = formOf(page.html);
  const samlResponse = fields.SAMLResponse ?? '';
  return { action, samlResponse, relayState: fields.RelayState, xml: Buffer.from(samlResponse, 'base64').toString('utf8') };
}

/** SP-initiated, HTTP-Redirect binding: AuthnRequest → login form → credentials → auto-POST form. */
export async function spInitiated(idp: SamlIdp, shape: ShapeId, opts: { login?: string; password?: string; relayState?: string; testSp?: TestSp } = {}): Promise<SignInResult> {
  const { sp, idp: idpEntity } = opts.testSp ?? testSp(idp.shapes[shape].metadataXml);
  const request = sp.createLoginRequest(idpEntity, 'redirect', { relayState: opts.relayState ?? 'rs-123' });
  const loginPage = await getPage(request.context);
  if (loginPage.status !== 200) return { requestId: request.id, loginPage, result: loginPage };
  const result = await submitLogin(loginPage, opts.login ?? 'sam@example.com', opts.password ?? 'demo');
  return { requestId: request.id, loginPage, result, post: postOf(result) };
}

/** Verifies every ds:Signature against `certPem` only (KeyInfo ignored); returns the local names of the signed elements. */
export function verifiedSignatures(xml: string, certPem: string): string[] {
  const doc = parseXml(xml);
  return Array.from(doc.getElementsByTagNameNS(NS.dsig, 'Signature')).map((sig) => {
    const parent = sig.parentNode as Element;
    const verifier = new SignedXml({ publicCert: certPem, getCertFromKeyInfo: () => null });
    verifier.loadSignature(sig);
    if (!verifier.checkSignature(xml)) throw new Error(`signature of ${parent.localName} does not verify`);
    const refs = verifier.getReferences();
    if (refs.length !== 1 || refs[0]?.uri !== `#${parent.getAttribute('ID') ?? ''}`) throw new Error('reference is not the parent');
    if (verifier.signatureAlgorithm !== RSA_SHA256) throw new Error(`unexpected algorithm ${verifier.signatureAlgorithm}`);
    return parent.localName;
  });
}

export function elements(xml: string, localName: string, ns: string = NS.assertion): Element[] {
  return Array.from(parseXml(xml).getElementsByTagNameNS(ns, localName));
}

export function text(xml: string, localName: string): string | undefined {
  return elements(xml, localName)[0]?.textContent ?? undefined;
}

/** Attribute name → values, from the (one) AttributeStatement. */
export function attributes(xml: string): Record<string, string[]> {
  return Object.fromEntries(elements(xml, 'Attribute').map((a) => [
    a.getAttribute('Name') ?? '',
    Array.from(a.getElementsByTagNameNS(NS.assertion, 'AttributeValue')).map((v) => v.textContent ?? ''),
  ]));
}
