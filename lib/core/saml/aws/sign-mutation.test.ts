/**
 * Issue 12 §8: the enveloped signature over our AWS assertion (./sign). signature.test.ts checks
 * the algorithms and the position as IAM reads them; these pin the rest of the signed shape.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAwsSamlResponse } from './assertion';
import { SIGNATURE_ALGORITHMS } from './sign';
import { input, metadataFor, verifyWithMetadata } from './test-fixtures';

test('issue 12 §8: we sign with RSA-SHA256, exc-c14n and SHA-256, never SHA-1 (AWS-FACTS §0.3)', () => {
  assert.deepEqual(SIGNATURE_ALGORITHMS, {
    signature: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalization: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    digest: 'http://www.w3.org/2001/04/xmlenc#sha256',
    enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  });
});

test('issue 12 §8: the one Signature uses the ds: prefix, right after the Assertion Issuer (ADFS shape)', async () => {
  const xml = buildAwsSamlResponse(await input());
  assert.ok(verifyWithMetadata(xml, await metadataFor()));
  assert.equal(xml.split('<ds:Signature ').length, 2);
  assert.match(
    xml,
    /<saml:Assertion [^>]*><saml:Issuer[^>]*>[^<]*<\/saml:Issuer><ds:Signature xmlns:ds="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#"><ds:SignedInfo>/,
  );
  assert.doesNotMatch(xml, /<Signature[ >]/);
});
