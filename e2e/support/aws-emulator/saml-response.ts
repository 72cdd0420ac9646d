/**
 * A SAML Response as STS receives it (AWS-FACTS §1.1, §1.2): base64 of UTF-8 XML without DOCTYPE, a
 * successful samlp:Response holding exactly one (unencrypted) Assertion. verifySamlResponse then checks it
 * against one IAM SAML provider: Issuer = metadata entityID, signature by a metadata certificate, and the
 * assertion checks of saml-assertion.ts on the signed Assertion.
 */
import { AwsError } from './aws-error';
import type { SamlProviderConfig } from './config';
import { checkAssertion, type AssertionChecks, type SamlAssertionData } from './saml-assertion';
import { SamlSignatureError, verifySignedAssertion } from './saml-signature';
import {
  attr,
  childElements,
  descendants,
  is,
  NS,
  onlyChild,
  parseStrictXml,
  textOf,
} from './saml-xml';

const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

export interface ParsedSamlResponse {
  xml: string;
  doc: Document;
  response: Element;
  assertion: Element;
  /** The Assertion's Issuer as received (unverified): only used to pick candidate providers. */
  issuer: string;
}

/** A response that passed every check for `provider`. NameID is present (else AccessDenied). */
export interface VerifiedSaml extends SamlAssertionData {
  provider: SamlProviderConfig;
  nameId: string;
}

const invalid = (message: string, cause?: unknown): AwsError =>
  new AwsError('InvalidIdentityToken', `Invalid SAML response: ${message}`, { cause });

function decode(b64: string): string {
  const compact = b64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    throw invalid('SAMLAssertion is not base64');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, 'base64'));
  } catch (err) {
    throw invalid('the decoded response is not UTF-8', err);
  }
}

export function parseSamlResponse(b64: string): ParsedSamlResponse {
  const xml = decode(b64);
  let doc: Document;
  try {
    doc = parseStrictXml(xml);
  } catch (err) {
    throw invalid((err as Error).message, err);
  }
  const response = doc.documentElement;
  if (!response || !is(response, NS.protocol, 'Response') || attr(response, 'Version') !== '2.0') {
    throw invalid('the document is not a SAML 2.0 samlp:Response');
  }
  const status = onlyChild(response, NS.protocol, 'Status');
  const code =
    status && status !== 'many' ? onlyChild(status, NS.protocol, 'StatusCode') : undefined;
  if (!code || code === 'many' || attr(code, 'Value') !== SUCCESS) {
    throw invalid('the response status is not Success');
  }
  if (descendants(doc, NS.assertion, 'EncryptedAssertion').length > 0) {
    throw invalid('encrypted assertions are not supported by the emulator');
  }
  const all = descendants(doc, NS.assertion, 'Assertion');
  const direct = childElements(response, NS.assertion, 'Assertion');
  if (all.length !== 1 || direct.length !== 1 || !direct[0]) {
    throw invalid('the response must contain exactly one Assertion');
  }
  const assertion = direct[0];
  const issuerEl = onlyChild(assertion, NS.assertion, 'Issuer');
  const issuer = issuerEl === 'many' ? '' : textOf(issuerEl);
  if (!issuer) throw invalid('the Assertion has no Issuer');
  return { xml, doc, response, assertion, issuer };
}

export function verifySamlResponse(
  parsed: ParsedSamlResponse,
  provider: SamlProviderConfig,
  checks: Omit<AssertionChecks, 'destination'>,
): VerifiedSaml {
  const responseIssuer = onlyChild(parsed.response, NS.assertion, 'Issuer');
  const responseIssuerOk =
    responseIssuer === undefined ||
    (responseIssuer !== 'many' && textOf(responseIssuer) === provider.entityId);
  if (parsed.issuer !== provider.entityId || !responseIssuerOk) {
    throw new AwsError('InvalidIdentityToken', 'Issuer not present in specified provider');
  }
  let signed: Element;
  try {
    signed = verifySignedAssertion(
      parsed.xml,
      parsed.doc,
      parsed.response,
      parsed.assertion,
      provider.certificates,
    );
  } catch (err) {
    if (err instanceof SamlSignatureError)
      throw new AwsError('InvalidIdentityToken', err.message, { cause: err });
    throw err;
  }
  const data = checkAssertion(signed, {
    ...checks,
    destination: attr(parsed.response, 'Destination'),
  });
  if (data.issuer !== provider.entityId) {
    throw new AwsError('InvalidIdentityToken', 'Issuer not present in specified provider');
  }
  if (data.nameId === undefined) {
    // AWS-FACTS §1.2: a missing NameID is answered with AccessDenied.
    throw new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML');
  }
  return { ...data, nameId: data.nameId, provider };
}
