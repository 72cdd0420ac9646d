/**
 * Test-only helpers for the `*.test.ts` files of this folder (never imported by product code):
 * fresh keys and certificates per run, a valid input shaped like what IAM's own docs show, and an
 * independent verifier that trusts only the certificates of our published metadata, the way IAM
 * does (AWS-FACTS §1.2, §2 "KeyInfo key confusion").
 */
import assert from 'node:assert/strict';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import * as xpath from 'xpath';
import { generateSigningCertificate, type SigningCertificate } from '../certificate';
import { GatewayError, type GatewayErrorCode } from '../../errors';
import { buildAwsSamlResponse, type AwsSamlResponseInput } from './assertion';
import { awsIdpMetadataXml } from './metadata';
import { NS } from './names';

export const NOW = new Date('2026-03-01T10:00:00.000Z');
export const ISSUER = 'https://rolegate.example.com/saml/idp';
export const SSO_URL = 'https://rolegate.example.com/api/aws/saml';
export const RECIPIENT = 'https://signin.aws.amazon.com/saml';
export const ROLE = 'arn:aws:iam::123456789012:role/Admin';
export const PROVIDER = 'arn:aws:iam::123456789012:saml-provider/Rolegate';

const certs = new Map<string, Promise<SigningCertificate>>();

/** One cached certificate per name, so a test file generates each RSA key only once. */
export function cert(name = 'current'): Promise<SigningCertificate> {
  let c = certs.get(name);
  if (!c) {
    c = generateSigningCertificate({
      commonName: `rolegate-${name}`,
      notBefore: NOW,
      validDays: 30,
    });
    certs.set(name, c);
  }
  return c;
}

/** A valid input; `overrides` replace fields. */
export async function input(
  overrides: Partial<AwsSamlResponseInput> = {},
): Promise<AwsSamlResponseInput> {
  const c = await cert();
  return {
    issuer: ISSUER,
    recipient: RECIPIENT,
    roles: [{ roleArn: ROLE, providerArn: PROVIDER }],
    nameId: 'u-7f3a9c',
    roleSessionName: 'alice@example.com',
    now: NOW,
    lifetimeSeconds: 300,
    sessionDurationSeconds: 3600,
    sessionNotOnOrAfter: new Date(NOW.getTime() + 3_600_000),
    signer: { privateKeyPem: c.privateKeyPem, certPem: c.certPem },
    ...overrides,
  };
}

/** XPath over our namespaces (`samlp`, `saml`, `md`, `ds`). */
export const select = xpath.useNamespaces(NS);

/** The nodes `expr` selects under `node` (empty when it selects none or a non-node value). */
export function nodes(expr: string, node: Node): Node[] {
  const r = select(expr, node);
  return xpath.isArrayOfNodes(r) ? r : [];
}

/** Text content of each node `expr` selects. */
export function texts(expr: string, node: Node): string[] {
  return nodes(expr, node).map((n) => n.textContent ?? '');
}

/** Parses XML with the same @xmldom/xmldom that samlify and xml-crypto use. */
export function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml');
}

function toPem(body: string): string {
  const lines = body.replace(/\s+/g, '').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${lines}\n-----END CERTIFICATE-----\n`;
}

/** The `use="signing"` certificates of an IdP metadata document, as PEM, in document order. */
export function metadataCertificates(metadataXml: string): string[] {
  const doc = parse(metadataXml);
  const expr =
    '/md:EntityDescriptor/md:IDPSSODescriptor/md:KeyDescriptor[@use="signing"]//ds:X509Certificate';
  return texts(expr, doc).map(toPem);
}

/**
 * Verifies the one `<ds:Signature>` of `xml` with xml-crypto using ONLY the metadata's
 * certificates (KeyInfo is ignored: `getCertFromKeyInfo` returns null). Returns the canonical XML
 * the valid signature covers, or undefined when no metadata certificate verifies it.
 */
export function verifyWithMetadata(xml: string, metadataXml: string): string | undefined {
  const signatures = nodes('//ds:Signature', parse(xml));
  if (signatures.length !== 1) return undefined;
  for (const publicCert of metadataCertificates(metadataXml)) {
    const sig = new SignedXml({ publicCert, getCertFromKeyInfo: () => null });
    sig.loadSignature(signatures[0]!);
    try {
      if (sig.checkSignature(xml)) return sig.getSignedReferences().join('');
    } catch {
      // a failed check may throw; try the next certificate
    }
  }
  return undefined;
}

/** Our metadata listing the cached certificates `names` (default: the current one), in order. */
export async function metadataFor(...names: string[]): Promise<string> {
  const list = names.length > 0 ? names : ['current'];
  const pems = await Promise.all(list.map(async (n) => (await cert(n)).certPem));
  return awsIdpMetadataXml({ entityId: ISSUER, ssoUrl: SSO_URL, certificatesPem: pems });
}

/**
 * Asserts that building a response from the valid input with `overrides` throws a GatewayError
 * with `code` and returns nothing; with `secret`, also that no message echoes that text.
 */
export async function expectRejected(
  overrides: Partial<AwsSamlResponseInput>,
  code: GatewayErrorCode,
  secret?: string,
): Promise<void> {
  const base = await input(overrides);
  let result: string | undefined;
  try {
    result = buildAwsSamlResponse(base);
  } catch (e) {
    assert.ok(e instanceof GatewayError, 'only GatewayError is thrown');
    assert.equal(e.code, code);
    if (secret !== undefined) {
      assert.ok(!(e.publicDetail ?? '').includes(secret), 'public detail must not echo the value');
      if (code === 'SAML_ATTRIBUTE_INVALID') assert.ok(!e.message.includes(secret));
    }
    return;
  }
  assert.fail(`expected ${code}, got a response of ${result.length} chars`);
}
