/**
 * KeyInfo is never a source of trust (xml-crypto CVE-2024-32962, AWS-FACTS §2 "KeyInfo key confusion"):
 * a certificate a signature carries must be one of the metadata signing certificates, checked here before
 * samlify runs so the refusal has its own code. Verification always uses the metadata key.
 */
import { child, descendants, NS, textOf } from './xml';
import type { Trace } from './trace';

export function checkSignatureCerts(signatures: Element[], trusted: ReadonlySet<string>, trace: Trace): void {
  for (const sig of signatures) {
    const keyInfo = child(sig, NS.ds, 'KeyInfo');
    if (!keyInfo) continue;
    if (descendants(keyInfo, NS.ds, 'KeyValue').length > 0) {
      throw trace.fail('SAML_CERT_NOT_TRUSTED', 'signing-certificate', 'KeyInfo carries a bare KeyValue');
    }
    for (const cert of descendants(keyInfo, NS.ds, 'X509Certificate')) {
      // Stryker disable next-line Regex: removing whitespace one character or one run at a time gives the same text.
      if (!trusted.has(textOf(cert).replace(/\s+/g, ''))) {
        throw trace.fail('SAML_CERT_NOT_TRUSTED', 'signing-certificate', 'certificate is not in the IdP metadata');
      }
    }
  }
  trace.pass('signing-certificate');
}
