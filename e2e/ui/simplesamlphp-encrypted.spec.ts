/**
 * Issue 13 §6: encrypted assertions from a real IdP. SimpleSAMLphp encrypts the assertion for an SP whose
 * sp-remote entry has `assertion.encryption` and an encryption certificate: here the one Rolegate publishes
 * in the connection's SP metadata (/saml/<id>/metadata, KeyDescriptor use="encryption").
 *
 * Algorithms: with a certificate, SimpleSAMLphp 1.19 has no setting for them (saml2's
 * EncryptedAssertion::setAssertion): RSA-OAEP-MGF1P key transport (SHA-1 OAEP digest, xmlenc §5.4.2) and
 * AES-128-CBC content. algorithms.ts accepts both and refuses RSA-1_5 and 3DES (unit tests in
 * signature-algorithms.test.ts). CBC is unauthenticated, so every refusal between decryption and the inner
 * signature's check answers SAML_DECRYPTION_FAILED (lib/core/saml/sp/encrypted-refusal.ts; attack case "AES-CBC
 * ciphertext altered block by block"). `sharedkey_algorithm` (which could name AES-256-GCM) applies only to a
 * pre-shared symmetric key, which sends no EncryptedKey and which Rolegate refuses.
 *
 * A second connection whose SimpleSAMLphp entry holds the first connection's certificate (an IdP still set
 * up with another SP's, or an old, certificate) cannot decrypt what it receives: SAML_DECRYPTION_FAILED.
 */
import { expect, type Page } from '@playwright/test';
import { test } from '../fixtures/test';
import { attr, descendants, parseXml, textOf } from '../../lib/core/saml/sp/xml';
import { visibleRoles } from '../fixtures/signin';
import { putSamlConnection, rolegateSp, signInSsp, SSP_SUBJECT_ATTRIBUTE, sspAdminSession, useSimpleSamlPhp } from '../fixtures/simplesamlphp';

const ENCRYPTED = 'ssp-encrypted';
const WRONG_KEY = 'ssp-wrong-key';
const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

const ssp = useSimpleSamlPhp([rolegateSp(ENCRYPTED), rolegateSp(WRONG_KEY)]);

function connection(id: string): Record<string, unknown> {
  return { id, name: `SimpleSAMLphp (${id})`, preset: 'shibboleth', metadataUrl: ssp.metadataUrl, subjectAttribute: SSP_SUBJECT_ATTRIBUTE };
}

/** The encryption certificate (base64 DER) Rolegate's SP metadata publishes for connection `id`. */
async function spEncryptionCert(page: Page, id: string): Promise<string> {
  const res = await page.request.get(`/saml/${id}/metadata`);
  expect(res.status()).toBe(200);
  const doc = parseXml(await res.text());
  const key = descendants(doc, MD, 'KeyDescriptor').find((k) => attr(k, 'use') === 'encryption');
  const cert = key && descendants(key, DS, 'X509Certificate')[0];
  if (!cert) throw new Error(`no encryption certificate in the SP metadata of ${id}`);
  return textOf(cert);
}

/** The checks of the newest sign-in trace of `id` on the SAML diagnostics page, as shown. */
async function newestTraceChecks(admin: Page, id: string): Promise<string[]> {
  await admin.goto('/admin/saml');
  const trace = admin.getByTestId(`traces-${id}`).getByTestId('trace').first();
  await trace.locator('summary').click();
  return trace.locator('.trace-checks li').allInnerTexts();
}

test('issue 13 §6: SimpleSAMLphp encrypts the assertion for our certificate and the user gets their roles; a connection without the key refuses it', async ({ browser }) => {
  // Two browsers, two config edits and SimpleSAMLphp's PHP pages, as simplesamlphp-subject.spec.ts: 60 s was
  // the whole margin on a loaded 2-core CI machine.
  test.setTimeout(120_000);
  const { admin, restore } = await sspAdminSession(browser);
  try {
    await putSamlConnection(admin, connection(ENCRYPTED));
    await putSamlConnection(admin, connection(WRONG_KEY));
    const cert = await spEncryptionCert(admin, ENCRYPTED);
    expect(await spEncryptionCert(admin, WRONG_KEY)).not.toBe(cert);
    ssp.setSps([
      { ...rolegateSp(ENCRYPTED), encryptionCert: cert },
      { ...rolegateSp(WRONG_KEY), encryptionCert: cert },
    ]);

    const stella = await signInSsp(browser, ssp, ENCRYPTED, 'stella');
    await expect(stella).toHaveURL(/\/roles$/);
    expect(await visibleRoles(stella)).toEqual(['dev-Admin', 'dev-Developer']);
    // The diagnostics show the assertion arrived encrypted, with SimpleSAMLphp's algorithms, and was decrypted.
    const checks = await newestTraceChecks(admin, ENCRYPTED);
    expect(checks).toContainEqual(expect.stringMatching(/^✓ encryption-algorithms — .*#rsa-oaep-mgf1p \+ .*#aes128-cbc$/));
    expect(checks).toContain('✓ decrypt');

    // Encrypted for another key: refused with its code, and the diagnostics say where.
    const rory = await signInSsp(browser, ssp, WRONG_KEY, 'rory');
    await expect(rory.getByTestId('error-code')).toHaveText('SAML_DECRYPTION_FAILED');
    expect(await newestTraceChecks(admin, WRONG_KEY)).toContain('✗ decrypt — the assertion could not be decrypted');
  } catch (err) {
    console.error(`SimpleSAMLphp log:\n${ssp.log().slice(-5000)}`);
    throw err;
  } finally {
    await restore();
  }
});
