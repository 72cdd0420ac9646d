/**
 * Test-only: documents for the differential tests of the xml.ts helpers against xmldom: every IdP shape, signed and plaintext, plus hand-written oddities a
 * wrapping attack or a sloppy IdP produces (nested and duplicated assertions, unqualified and mixed-case
 * names, ID/Id/id, prefixed and namespace attributes, comments, CDATA, PIs, a second Signature).
 */
import { DOMParser } from '@xmldom/xmldom';
import { SHAPES, type IdpShape } from './shapes';
import { createTestIdp } from './test-idp';

const SP = { spEntityId: 'https://sp.test/saml', acsUrl: 'https://sp.test/acs' };

export const ODD_DOCUMENTS = [
  `<?xml version="1.0"?>
<!-- lead -->
<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r" Id="_x" id="_y" Destination="d" InResponseTo="i">
  <saml:Issuer>idp</saml:Issuer>
  <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="c"/><ds:SignatureMethod Algorithm="s" algorithm="lower"/><ds:Reference URI="#_a"/></ds:SignedInfo><ds:SignatureValue>AAAA
BBBB</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>CERT</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>
  <samlp:Status><samlp:StatusCode Value="ok"><samlp:StatusCode Value="sub"/></samlp:StatusCode></samlp:Status>
  <saml:Assertion ID="_a" Version="2.0"><saml:Issuer>idp</saml:Issuer><Signature>no namespace</Signature>
    <saml:Subject><saml:NameID>a<!--c-->b<![CDATA[c]]></saml:NameID><saml:SubjectConfirmation><saml:SubjectConfirmationData><saml:Assertion ID="_evil"/><ASSERTION/><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignatureValue>AAAA
BBBB</ds:SignatureValue></ds:Signature></saml:SubjectConfirmationData></saml:SubjectConfirmation></saml:Subject>
    <saml:Conditions NotBefore="1" NotOnOrAfter="2"><saml:AudienceRestriction><saml:Audience>aud</saml:Audience></saml:AudienceRestriction></saml:Conditions>
    <saml:AttributeStatement><saml:Attribute Name="g" x:Name="ns" xmlns:x="urn:x"><saml:AttributeValue>v1</saml:AttributeValue><saml:AttributeValue/></saml:Attribute><saml:Attribute Name=""/></saml:AttributeStatement>
    <saml:AuthnStatement AuthnInstant="t" SessionIndex="s"/>
  </saml:Assertion>
  <saml:Assertion ID="_a"/>
  <EncryptedAssertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion"/>
  <?pi x?>
</samlp:Response>`,
  '<Response ID="_1"><Assertion ID="_2" id="_2"><Issuer>x</Issuer></Assertion><Responses/><x:Response xmlns:x="urn:x" x:ID="_3"/></Response>',
  '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="q" xml:lang="en"><samlp:Signature/>text<!--x--></samlp:AuthnRequest>',
  '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="e"><md:IDPSSODescriptor WantAuthnRequestsSigned="true"><md:KeyDescriptor use="signing"><KeyInfo><X509Data><X509Certificate>C</X509Certificate></X509Data></KeyInfo></md:KeyDescriptor><md:SingleSignOnService Binding="b" Location="l"/></md:IDPSSODescriptor></md:EntityDescriptor>',
];

/** Parses leniently (some odd documents are not namespace-well-formed on purpose), as a test input. */
export function parseAny(xml: string): Document {
  return new DOMParser({ errorHandler: () => undefined }).parseFromString(xml, 'text/xml');
}

/** Responses of every IdP shape (as issued, so encrypted where the shape encrypts, and in plaintext). */
export async function shapeResponses(): Promise<string[]> {
  const out: string[] = [];
  for (const shape of Object.keys(SHAPES) as IdpShape[]) {
    const idp = await createTestIdp(shape);
    const sp = { ...SP, encryptionCert: idp.cert };
    out.push(await idp.issue(sp, { inResponseTo: '_r', user: { nameId: 'a@example.com', attributes: { groups: ['g1', 'g2'] } } }));
    if (SHAPES[shape].encrypt) out.push(await idp.issue(sp, { inResponseTo: '_r', style: { encrypt: undefined } }));
  }
  return out;
}

/** Every node of a document: itself, elements, attributes, text, CDATA, comments and PIs, in document order. */
export function allNodes(doc: Document): Node[] {
  const out: Node[] = [];
  const visit = (n: Node): void => {
    out.push(n);
    const attrs = (n as Element).attributes;
    if (attrs) for (let i = 0; i < attrs.length; i++) out.push(attrs.item(i) as Attr);
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
  };
  visit(doc);
  return out;
}
