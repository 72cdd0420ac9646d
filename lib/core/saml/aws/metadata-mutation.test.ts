/**
 * Issue 12 §8: the IdP metadata we upload to IAM CreateSAMLProvider (./metadata). Complements
 * metadata.test.ts with the exact errors (users see codes, logs see causes) and attribute values.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../../errors';
import { awsIdpMetadataXml, type AwsIdpMetadataInput } from './metadata';
import { cert, ISSUER, nodes, parse, select, SSO_URL } from './test-fixtures';

const IDP = '/md:EntityDescriptor/md:IDPSSODescriptor';

async function valid(overrides: Partial<AwsIdpMetadataInput> = {}): Promise<AwsIdpMetadataInput> {
  return {
    entityId: ISSUER,
    ssoUrl: SSO_URL,
    certificatesPem: [(await cert()).certPem],
    ...overrides,
  };
}

function refused(input: AwsIdpMetadataInput): GatewayError {
  try {
    awsIdpMetadataXml(input);
  } catch (e) {
    assert.ok(e instanceof GatewayError, 'only GatewayError is thrown');
    return e;
  }
  return assert.fail('expected the metadata to be refused');
}

test('issue 12 §8: IDPSSODescriptor says AuthnRequests need not be signed (IdP-initiated only)', async () => {
  const doc = parse(awsIdpMetadataXml(await valid()));
  assert.equal(String(select(`string(${IDP}/@WantAuthnRequestsSigned)`, doc)), 'false');
  const sso = nodes(`${IDP}/md:SingleSignOnService`, doc) as Element[];
  assert.deepEqual(
    sso.map((e) => e.childNodes.length),
    [0, 0],
  );
});

test('issue 12 §8: md and ds are declared once, on the root, however many certificates', async () => {
  const pems = [(await cert('current')).certPem, (await cert('next')).certPem];
  const xml = awsIdpMetadataXml(await valid({ certificatesPem: pems }));
  assert.equal(xml.split('xmlns:ds=').length, 2);
  assert.equal(xml.split('xmlns:md=').length, 2);
  assert.match(xml, /^<\?xml[^>]*>\n<md:EntityDescriptor xmlns:md="[^"]+" xmlns:ds="[^"]+" /);
});

test('issue 12 §8: the metadata text ends with one newline after the root (UTF-8, no BOM)', async () => {
  const xml = awsIdpMetadataXml(await valid());
  assert.ok(xml.endsWith('</md:EntityDescriptor>\n'));
  assert.equal(xml.split('\n').length, 3);
});

test('issue 12 §8: a validUntil that is not a Date is refused with SAML_ATTRIBUTE_INVALID', async () => {
  for (const validUntil of ['2027-01-01T00:00:00Z', new Date(Number.NaN)]) {
    const e = refused(await valid({ validUntil: validUntil as Date }));
    assert.equal(e.code, 'SAML_ATTRIBUTE_INVALID');
    assert.equal(e.message, 'validUntil is not a date');
    assert.equal(e.publicDetail, 'validUntil: it must be a valid date');
  }
});

test('issue 12 §8: IAM gets 1–2 certificates (current + next), not a bare PEM string', async () => {
  const one = (await cert('current')).certPem;
  const cases: unknown[] = [
    [],
    'x',
    [one, (await cert('next')).certPem, (await cert('attacker')).certPem],
  ];
  for (const certificatesPem of cases) {
    const e = refused(await valid({ certificatesPem: certificatesPem as string[] }));
    assert.equal(e.code, 'SIGNING_KEY_UNAVAILABLE');
    assert.equal(e.message, 'metadata certificate: expected 1–2 certificates');
  }
});

test('issue 12 §8: a duplicate or bundled certificate is refused with its reason logged', async () => {
  const a = (await cert('current')).certPem;
  const b = (await cert('next')).certPem;
  const twice = refused(await valid({ certificatesPem: [a, a] }));
  assert.equal(twice.code, 'SIGNING_KEY_UNAVAILABLE');
  assert.equal(twice.message, 'metadata certificate: the same certificate is listed twice');
  const bundle = refused(await valid({ certificatesPem: [b, a + b] }));
  assert.equal(bundle.code, 'SIGNING_KEY_UNAVAILABLE');
  assert.equal(bundle.message, 'metadata certificate: #2 is not a usable RSA certificate');
  assert.ok(bundle.cause instanceof Error);
  assert.equal(bundle.cause.message, 'PEM holds more than one certificate');
});

test('issue 12 §8: a bad entityId or ssoUrl is refused naming that field', async () => {
  for (const field of ['entityId', 'ssoUrl'] as const) {
    const e = refused(await valid({ [field]: 'ftp://rolegate.example.com/' }));
    assert.equal(e.code, 'SAML_ATTRIBUTE_INVALID');
    assert.ok(e.message.startsWith(`${field}: `), e.message);
    assert.ok((e.publicDetail ?? '').startsWith(`${field}: `));
  }
});
