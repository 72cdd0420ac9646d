import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { test } from 'node:test';
import { GatewayError } from '../../errors';
import { awsIdpMetadataXml, type AwsIdpMetadataInput } from './metadata';
import {
  cert,
  ISSUER,
  metadataCertificates,
  nodes,
  parse,
  select,
  SSO_URL,
  texts,
} from './test-fixtures';

async function valid(overrides: Partial<AwsIdpMetadataInput> = {}): Promise<AwsIdpMetadataInput> {
  return {
    entityId: ISSUER,
    ssoUrl: SSO_URL,
    certificatesPem: [(await cert()).certPem],
    ...overrides,
  };
}

function rejects(input: AwsIdpMetadataInput, code: string): void {
  let xml: string | undefined;
  assert.throws(
    () => {
      xml = awsIdpMetadataXml(input);
    },
    (e: unknown) => e instanceof GatewayError && e.code === code,
  );
  assert.equal(xml, undefined);
}

const IDP = '/md:EntityDescriptor/md:IDPSSODescriptor';

test('IdP metadata for IAM CreateSAMLProvider: entityID, SAML2 IDPSSODescriptor, persistent, POST + Redirect', async () => {
  const validUntil = new Date('2027-01-01T00:00:00Z');
  const xml = awsIdpMetadataXml(await valid({ validUntil }));
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<md:EntityDescriptor'));
  assert.notEqual(xml.charCodeAt(0), 0xfeff, 'no BOM');
  assert.equal(Buffer.from(xml, 'utf8')[0], 0x3c);
  const doc = parse(xml);
  assert.equal(String(select('string(/md:EntityDescriptor/@entityID)', doc)), ISSUER);
  assert.equal(
    String(select('string(/md:EntityDescriptor/@validUntil)', doc)),
    '2027-01-01T00:00:00.000Z',
  );
  assert.equal(nodes(IDP, doc).length, 1);
  assert.equal(
    String(select(`string(${IDP}/@protocolSupportEnumeration)`, doc)),
    'urn:oasis:names:tc:SAML:2.0:protocol',
  );
  assert.deepEqual(texts(`${IDP}/md:NameIDFormat`, doc), [
    'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  ]);
  const sso = nodes(`${IDP}/md:SingleSignOnService`, doc) as Element[];
  assert.deepEqual(
    sso.map((e) => [e.getAttribute('Binding'), e.getAttribute('Location')]),
    [
      ['urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', SSO_URL],
      ['urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', SSO_URL],
    ],
  );
  const order = nodes(`${IDP}/*`, doc).map((n) => (n as Element).localName);
  assert.deepEqual(order, [
    'KeyDescriptor',
    'NameIDFormat',
    'SingleSignOnService',
    'SingleSignOnService',
  ]);
});

test('rotation: one KeyDescriptor use="signing" per certificate, current first', async () => {
  const current = await cert('current');
  const next = await cert('next');
  const xml = awsIdpMetadataXml(await valid({ certificatesPem: [current.certPem, next.certPem] }));
  assert.deepEqual(texts(`${IDP}/md:KeyDescriptor/@use`, parse(xml)), ['signing', 'signing']);
  const published = metadataCertificates(xml).map((pem) => new X509Certificate(pem).fingerprint256);
  assert.deepEqual(published, [
    new X509Certificate(current.certPem).fingerprint256,
    new X509Certificate(next.certPem).fingerprint256,
  ]);
  assert.equal(
    String(select('string(/md:EntityDescriptor/@validUntil)', parse(xml))),
    '',
    'validUntil only when given',
  );
});

test('http URLs only with allowHttp (local demo)', async () => {
  const local = {
    entityId: 'http://localhost:3000/saml/idp',
    ssoUrl: 'http://localhost:3000/api/aws/saml',
  };
  rejects(await valid(local), 'SAML_ATTRIBUTE_INVALID');
  const xml = awsIdpMetadataXml(await valid({ ...local, allowHttp: true }));
  assert.equal(
    String(select('string(/md:EntityDescriptor/@entityID)', parse(xml))),
    local.entityId,
  );
});

test('bad entityId or ssoUrl → SAML_ATTRIBUTE_INVALID', async () => {
  const bad = [
    '',
    'rolegate',
    'urn:rolegate:idp',
    'ftp://rolegate.example.com/',
    'https://rolegate.example.com/"><md:KeyDescriptor use="signing">',
    'https://rolegate.example.com/ x',
    'https://rolegate.example.com/\nx',
    'https://admin:pw@rolegate.example.com/',
    `https://rolegate.example.com/${'a'.repeat(1024)}`,
  ];
  for (const entityId of bad) rejects(await valid({ entityId }), 'SAML_ATTRIBUTE_INVALID');
  rejects(await valid({ ssoUrl: 'javascript:alert(1)' }), 'SAML_ATTRIBUTE_INVALID');
  rejects(await valid({ validUntil: new Date(Number.NaN) }), 'SAML_ATTRIBUTE_INVALID');
});

test('missing, duplicate, bundled or non-certificate PEMs → SIGNING_KEY_UNAVAILABLE', async () => {
  const a = (await cert('current')).certPem;
  const b = (await cert('next')).certPem;
  for (const certificatesPem of [
    [],
    [a, a],
    [a + b],
    ['not a certificate'],
    [a, b, (await cert('attacker')).certPem],
  ]) {
    rejects(await valid({ certificatesPem }), 'SIGNING_KEY_UNAVAILABLE');
  }
  rejects(
    await valid({ certificatesPem: [(await cert()).privateKeyPem] }),
    'SIGNING_KEY_UNAVAILABLE',
  );
});
