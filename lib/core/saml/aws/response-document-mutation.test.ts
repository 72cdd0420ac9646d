/**
 * Issue 12 §8: tests that can tell for ./response-document — the unsigned Response exactly as AWS
 * reads it (AWS-FACTS §1.2: one bearer SubjectConfirmation with Recipient and NotOnOrAfter,
 * Destination = Recipient, Audience = AWS's SP entity id per partition, persistent NameID,
 * AuthnStatement with SessionNotOnOrAfter; element order per saml-schema-protocol/assertion-2.0).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Partition } from '../../types';
import { serialize } from './dom';
import {
  NOT_BEFORE_SKEW_SECONDS,
  responseDocument,
  type ResponseContent,
} from './response-document';
import { texts } from './test-fixtures';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const ID = /_[0-9a-f]{40}/g;

function content(overrides: Partial<ResponseContent> = {}): ResponseContent {
  return {
    issuer: 'https://rolegate.example.com/saml/idp',
    recipient: 'https://signin.aws.amazon.com/saml',
    nameId: 'u-1',
    partition: 'aws',
    attributes: [
      { name: 'https://aws.amazon.com/SAML/Attributes/Role', values: ['a,b', 'c,d'] },
      { name: 'N2', values: [] },
    ],
    now: NOW,
    lifetimeSeconds: 120,
    sessionNotOnOrAfter: new Date(NOW.getTime() + 3_600_000),
    ...overrides,
  };
}

/** The whole document, element by element, with its three random IDs shown as `_ID`. */
const EXPECTED = [
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_ID" Version="2.0" IssueInstant="2026-03-01T10:00:00.000Z" Destination="https://signin.aws.amazon.com/saml">',
  '<saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">https://rolegate.example.com/saml/idp</saml:Issuer>',
  '<samlp:Status>',
  '<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/>',
  '</samlp:Status>',
  '<saml:Assertion ID="_ID" Version="2.0" IssueInstant="2026-03-01T10:00:00.000Z">',
  '<saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">https://rolegate.example.com/saml/idp</saml:Issuer>',
  '<saml:Subject>',
  '<saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">u-1</saml:NameID>',
  '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">',
  '<saml:SubjectConfirmationData NotOnOrAfter="2026-03-01T10:02:00.000Z" Recipient="https://signin.aws.amazon.com/saml"/>',
  '</saml:SubjectConfirmation>',
  '</saml:Subject>',
  '<saml:Conditions NotBefore="2026-03-01T09:59:00.000Z" NotOnOrAfter="2026-03-01T10:02:00.000Z">',
  '<saml:AudienceRestriction>',
  '<saml:Audience>urn:amazon:webservices</saml:Audience>',
  '</saml:AudienceRestriction>',
  '</saml:Conditions>',
  '<saml:AttributeStatement>',
  '<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">',
  '<saml:AttributeValue>a,b</saml:AttributeValue>',
  '<saml:AttributeValue>c,d</saml:AttributeValue>',
  '</saml:Attribute>',
  '<saml:Attribute Name="N2" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"/>',
  '</saml:AttributeStatement>',
  '<saml:AuthnStatement AuthnInstant="2026-03-01T10:00:00.000Z" SessionIndex="_ID" SessionNotOnOrAfter="2026-03-01T11:00:00.000Z">',
  '<saml:AuthnContext>',
  '<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified</saml:AuthnContextClassRef>',
  '</saml:AuthnContext>',
  '</saml:AuthnStatement>',
  '</saml:Assertion>',
  '</samlp:Response>',
].join('');

test('issue 12 §8: the Response AWS gets, element by element and attribute by attribute', () => {
  const xml = serialize(responseDocument(content()));
  assert.equal(xml.replace(ID, '_ID'), EXPECTED);
});

test('issue 12 §8: Response ID, Assertion ID and SessionIndex are three fresh 160-bit ids', () => {
  const first = serialize(responseDocument(content())).match(ID) ?? [];
  const second = serialize(responseDocument(content())).match(ID) ?? [];
  assert.equal(first.length, 3);
  assert.equal(new Set([...first, ...second]).size, 6);
});

test('issue 12 §8: NotBefore is 60 s back for clock skew; NotOnOrAfter is now + lifetime in both places', () => {
  assert.equal(NOT_BEFORE_SKEW_SECONDS, 60);
  const doc = responseDocument(content({ lifetimeSeconds: 1 }));
  assert.deepEqual(texts('//saml:Conditions/@NotBefore', doc), ['2026-03-01T09:59:00.000Z']);
  assert.deepEqual(texts('//saml:Conditions/@NotOnOrAfter', doc), ['2026-03-01T10:00:01.000Z']);
  assert.deepEqual(texts('//saml:SubjectConfirmationData/@NotOnOrAfter', doc), [
    '2026-03-01T10:00:01.000Z',
  ]);
});

test("issue 12 §8: the Audience is the SP entity id of the roles' partition", () => {
  const expected: Record<Partition, string> = {
    aws: 'urn:amazon:webservices',
    'aws-us-gov': 'urn:amazon:webservices:govcloud',
    'aws-cn': 'urn:amazon:webservices:cn-north-1',
  };
  for (const [partition, audience] of Object.entries(expected) as [Partition, string][]) {
    assert.deepEqual(texts('//saml:Audience', responseDocument(content({ partition }))), [
      audience,
    ]);
  }
});
