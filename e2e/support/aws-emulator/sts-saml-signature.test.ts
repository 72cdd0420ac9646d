import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAwsError } from './test-helpers';
import {
  certBody,
  samlErrors,
  samlKeys,
  samlResponse,
  startSamlHarness,
} from './test-saml-harness';

const badSignature = (detail?: RegExp) =>
  samlErrors.invalid(detail ?? /^Response signature invalid/);

test('an attribute changed after signing → Response signature invalid', async (t) => {
  const h = await startSamlHarness(t);
  for (const sign of ['assertion', 'response'] as const) {
    await assertAwsError(
      h.assume({ sign, tamper: (xml) => xml.replace('>alice<', '>mallory<') }),
      badSignature(/^Response signature invalid \(no metadata certificate verifies/),
    );
  }
});

test('signed by a certificate that is not in the metadata (even if in KeyInfo) → invalid', async (t) => {
  const h = await startSamlHarness(t);
  const { other } = await samlKeys();
  const body = certBody(other.certPem);
  for (const sign of ['assertion', 'response'] as const) {
    const response = await samlResponse({ sign, key: other });
    assert.ok(Buffer.from(response, 'base64').toString().includes(body), 'KeyInfo has the cert');
    await assertAwsError(h.assume(response), badSignature());
  }
});

test('a rotated metadata with two certificates accepts either key', async (t) => {
  const { idp, other } = await samlKeys();
  const h = await startSamlHarness(t, { metadataCerts: [other.certPem, idp.certPem] });
  assert.equal((await h.assume({ key: idp })).Subject, 'user-123');
  assert.equal((await h.assume({ key: other })).Subject, 'user-123');
});

test('SHA-1 signature / digest → Response signature invalid', async (t) => {
  const h = await startSamlHarness(t);
  await assertAwsError(h.assume({ algorithm: 'sha1' }), badSignature(/SHA-1/));
});

test('no signature at all → Response signature invalid', async (t) => {
  const h = await startSamlHarness(t);
  await assertAwsError(h.assume({ sign: 'none' }), badSignature(/not signed/));
});

test('a second (unsigned) Assertion next to the signed one → InvalidIdentityToken', async (t) => {
  const h = await startSamlHarness(t);
  for (const sign of ['assertion', 'response'] as const) {
    await assertAwsError(
      h.assume({ sign, secondAssertion: true }),
      samlErrors.invalid(/exactly one Assertion/),
    );
  }
});

test('the signature must reference its own parent (ID changed after signing)', async (t) => {
  const h = await startSamlHarness(t);
  await assertAwsError(
    h.assume({ sign: 'response', tamper: (xml) => xml.replace(/ID="_r/, 'ID="_x') }),
    badSignature(/must reference its parent Response/),
  );
});

test('a Signature outside the Response / Assertion children → invalid (wrapping)', async (t) => {
  const h = await startSamlHarness(t);
  const moved = (xml: string): string => {
    const sig = /<Signature [\s\S]*<\/Signature>/.exec(xml)?.[0] ?? '';
    const statement = '<saml:AttributeStatement>';
    return xml
      .replace(sig, '')
      .replace(
        statement,
        `${statement}<saml:Attribute Name="x"><saml:AttributeValue>${sig}</saml:AttributeValue></saml:Attribute>`,
      );
  };
  await assertAwsError(h.assume({ tamper: moved }), badSignature(/direct child/));
});

test('values are read from the signed XML: a comment cannot truncate the NameID', async (t) => {
  const h = await startSamlHarness(t);
  const out = await h.assume({
    nameId: 'admin@example.com.evil',
    tamper: (xml) => xml.replace('admin@example.com.evil', 'admin@example.com<!---->.evil'),
  });
  assert.equal(out.Subject, 'admin@example.com.evil');
});
