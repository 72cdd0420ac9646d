import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAwsSamlResponse } from './assertion';
import {
  cert,
  input,
  metadataFor,
  parse,
  ROLE,
  select,
  nodes,
  texts,
  verifyWithMetadata,
} from './test-fixtures';

const A = '/samlp:Response/saml:Assertion';

test('ADFS-shaped AWS response: signature verifies with the metadata certificate only', async () => {
  const xml = buildAwsSamlResponse(await input());
  const signed = verifyWithMetadata(xml, await metadataFor());
  assert.ok(signed, 'signature must verify against the metadata certificate');
  const doc = parse(xml);
  const assertionId = String(select(`string(${A}/@ID)`, doc));
  assert.match(assertionId, /^_[0-9a-f]{40}$/);
  assert.ok(signed.startsWith('<saml:Assertion') && signed.includes(`ID="${assertionId}"`));
  assert.equal(
    String(select(`string(${A}/ds:Signature/ds:SignedInfo/ds:Reference/@URI)`, doc)),
    `#${assertionId}`,
  );
});

test('signature algorithms: rsa-sha256, exc-c14n, sha256; Signature right after the Issuer', async () => {
  const doc = parse(buildAwsSamlResponse(await input()));
  const si = `${A}/ds:Signature/ds:SignedInfo`;
  assert.equal(
    String(select(`string(${si}/ds:SignatureMethod/@Algorithm)`, doc)),
    'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  );
  assert.equal(
    String(select(`string(${si}/ds:CanonicalizationMethod/@Algorithm)`, doc)),
    'http://www.w3.org/2001/10/xml-exc-c14n#',
  );
  assert.deepEqual(texts(`${si}/ds:Reference/ds:DigestMethod/@Algorithm`, doc), [
    'http://www.w3.org/2001/04/xmlenc#sha256',
  ]);
  assert.deepEqual(texts(`${si}/ds:Reference/ds:Transforms/ds:Transform/@Algorithm`, doc), [
    'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
    'http://www.w3.org/2001/10/xml-exc-c14n#',
  ]);
  const children = nodes(`${A}/*`, doc).map((n) => (n as Element).localName);
  assert.deepEqual(children, [
    'Issuer',
    'Signature',
    'Subject',
    'Conditions',
    'AttributeStatement',
    'AuthnStatement',
  ]);
  assert.equal(nodes('//ds:Signature', doc).length, 1, 'only the Assertion is signed');
  assert.equal(texts(`${A}/ds:Signature/ds:KeyInfo/ds:X509Data/ds:X509Certificate`, doc).length, 1);
});

test('key rotation: a response signed by the next key verifies once the metadata lists it', async () => {
  const next = await cert('next');
  const xml = buildAwsSamlResponse(
    await input({ signer: { privateKeyPem: next.privateKeyPem, certPem: next.certPem } }),
  );
  assert.equal(verifyWithMetadata(xml, await metadataFor('current')), undefined);
  assert.ok(verifyWithMetadata(xml, await metadataFor('current', 'next')));
});

test('KeyInfo confusion: an attacker-signed response with its own KeyInfo cert fails', async () => {
  const evil = await cert('attacker');
  const xml = buildAwsSamlResponse(
    await input({ signer: { privateKeyPem: evil.privateKeyPem, certPem: evil.certPem } }),
  );
  assert.equal(verifyWithMetadata(xml, await metadataFor()), undefined);
});

test('tampering after signing is detected', async () => {
  const md = await metadataFor();
  const xml = buildAwsSamlResponse(await input({ principalTags: { Team: 'blue' } }));
  assert.ok(verifyWithMetadata(xml, md));
  const tampered = [
    xml.replace('>blue<', '>red<'),
    xml.replace(`${ROLE},`, 'arn:aws:iam::123456789012:role/Root,'),
    xml.replace('>alice@example.com<', '>bob@example.com<'),
    xml.replace(/(SubjectConfirmationData NotOnOrAfter=")[^"]+/, '$12030-01-01T00:00:00.000Z'),
  ];
  for (const t of tampered) {
    assert.notEqual(t, xml);
    assert.equal(verifyWithMetadata(t, md), undefined);
  }
});
