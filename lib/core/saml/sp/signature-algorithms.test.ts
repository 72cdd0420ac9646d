/**
 * The algorithm allowlists (AWS-FACTS §2 "Algorithm downgrade", "XSLT/XPath transforms", "Encrypted
 * assertion") and KeyInfo trust (xml-crypto CVE-2024-32962), checked on their own before any cryptography:
 * xml-crypto refuses some of the same inputs later, so without these tests a deleted check went unseen.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALG, checkEncryptionAlgorithms, checkSignatureAlgorithms } from './algorithms';
import { checkSignatureCerts } from './cert-trust';
import { passing, refusal } from './testing/checks';
import { NS, parseXml } from './xml';

const HMAC = 'http://www.w3.org/2000/09/xmldsig#hmac-sha1';
interface Sig {
  c14n?: string;
  method?: string;
  digest?: string;
  transforms?: string[];
  extra?: string;
  refs?: number;
}
/** A ds:Signature as IdPs send it (structure only; these checks run before verification). */
function signature(s: Sig = {}): Element {
  const transforms = (s.transforms ?? [ALG.enveloped, ALG.excC14n]).map((a) => `<ds:Transform Algorithm="${a}">${s.extra ?? ''}</ds:Transform>`).join('');
  const ref = `<ds:Reference URI="#_a"><ds:Transforms>${transforms}</ds:Transforms><ds:DigestMethod Algorithm="${s.digest ?? ALG.sha256}"/><ds:DigestValue>AA==</ds:DigestValue></ds:Reference>`;
  const xml =
    `<ds:Signature xmlns:ds="${NS.ds}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${s.c14n ?? ALG.excC14n}"/>` +
    `<ds:SignatureMethod Algorithm="${s.method ?? ALG.rsaSha256}"/>${ref.repeat(s.refs ?? 1)}</ds:SignedInfo><ds:SignatureValue>AA==</ds:SignatureValue></ds:Signature>`;
  return parseXml(xml).documentElement;
}
const sigRefusal = (s: Sig, allowSha1 = false) => refusal((t) => checkSignatureAlgorithms([signature(), signature(s)], allowSha1, t));

describe('signature algorithms', () => {
  it('accepts RSA-SHA256/512 and RSA-PSS with SHA-256/512 digests, enveloped + exc-c14n', () => {
    for (const method of [ALG.rsaSha256, ALG.rsaSha512, ALG.rsaPssSha256]) {
      for (const digest of [ALG.sha256, ALG.sha512]) {
        const { trace } = passing((t) => checkSignatureAlgorithms([signature({ method, digest })], false, t));
        assert.deepEqual(trace.entries, [{ check: 'algorithms', ok: true }]);
      }
    }
  });

  it('refuses RSA-SHA1 and a SHA-1 digest unless DANGEROUSLY_ALLOW_SHA1: SAML_ALGORITHM_FORBIDDEN', async () => {
    const m = await sigRefusal({ method: ALG.rsaSha1 });
    assert.equal(m.code, 'SAML_ALGORITHM_FORBIDDEN');
    assert.deepEqual(m.trace.at(-1), { check: 'signature-algorithm', ok: false, detail: ALG.rsaSha1 });
    const d = await sigRefusal({ digest: ALG.sha1 });
    assert.equal(d.code, 'SAML_ALGORITHM_FORBIDDEN');
    assert.deepEqual(d.trace.at(-1), { check: 'digest-algorithm', ok: false, detail: ALG.sha1 });
    assert.doesNotThrow(() => passing((t) => checkSignatureAlgorithms([signature({ method: ALG.rsaSha1, digest: ALG.sha1 })], true, t)));
  });

  it('refuses HMAC, naming it, even with SHA-1 allowed: SAML_ALGORITHM_FORBIDDEN', async () => {
    const r = await sigRefusal({ method: HMAC }, true);
    assert.equal(r.code, 'SAML_ALGORITHM_FORBIDDEN');
    assert.equal(r.trace.at(-1)?.detail, `HMAC ${HMAC}`);
  });

  it('refuses a missing SignatureMethod or DigestMethod algorithm: SAML_ALGORITHM_FORBIDDEN', async () => {
    assert.equal((await sigRefusal({ method: '' })).trace.at(-1)?.detail, 'none');
    assert.equal((await sigRefusal({ digest: '' })).trace.at(-1)?.detail, 'none');
  });

  it('checks the digest of every Reference', async () => {
    const el = signature({ refs: 2 });
    const second = el.getElementsByTagNameNS(NS.ds, 'DigestMethod').item(1) as Element;
    second.setAttribute('Algorithm', ALG.sha1);
    assert.equal((await refusal((t) => checkSignatureAlgorithms([el], false, t))).code, 'SAML_ALGORITHM_FORBIDDEN');
  });

  it('refuses inclusive c14n or none: SAML_TRANSFORM_FORBIDDEN', async () => {
    const inclusive = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
    const r = await sigRefusal({ c14n: inclusive });
    assert.equal(r.code, 'SAML_TRANSFORM_FORBIDDEN');
    assert.deepEqual(r.trace.at(-1), { check: 'canonicalization', ok: false, detail: inclusive });
    assert.equal((await sigRefusal({ c14n: '' })).trace.at(-1)?.detail, 'none');
  });

  it('refuses a signature without SignedInfo: SAML_SCHEMA_INVALID', async () => {
    const el = parseXml(`<ds:Signature xmlns:ds="${NS.ds}"/>`).documentElement;
    const r = await refusal((t) => checkSignatureAlgorithms([el], false, t));
    assert.equal(r.code, 'SAML_SCHEMA_INVALID');
    assert.deepEqual(r.trace.at(-1), { check: 'signature-algorithms', ok: false, detail: 'no SignedInfo' });
  });

  const XPATH = 'http://www.w3.org/TR/1999/REC-xpath-19991116';
  const badTransforms: [string, string[], string][] = [
    ['an XPath transform', [ALG.enveloped, XPATH], `${ALG.enveloped}, ${XPATH}`],
    ['exc-c14n before enveloped', [ALG.excC14n, ALG.enveloped], `${ALG.excC14n}, ${ALG.enveloped}`],
    ['exc-c14n alone', [ALG.excC14n], ALG.excC14n],
    ['a third transform', [ALG.enveloped, ALG.excC14n, ALG.excC14n], `${ALG.enveloped}, ${ALG.excC14n}, ${ALG.excC14n}`],
    ['no transform', [], 'none'],
  ];
  for (const [what, transforms, detail] of badTransforms) {
    it(`refuses ${what}: SAML_TRANSFORM_FORBIDDEN`, async () => {
      const r = await sigRefusal({ transforms });
      assert.equal(r.code, 'SAML_TRANSFORM_FORBIDDEN');
      assert.deepEqual(r.trace.at(-1), { check: 'transforms', ok: false, detail });
    });
  }

  it('accepts enveloped alone, and InclusiveNamespaces inside exc-c14n', () => {
    assert.doesNotThrow(() => passing((t) => checkSignatureAlgorithms([signature({ transforms: [ALG.enveloped] })], false, t)));
    const inc = `<ec:InclusiveNamespaces xmlns:ec="${NS.ec}" PrefixList="xs"/>`;
    assert.doesNotThrow(() => passing((t) => checkSignatureAlgorithms([signature({ extra: inc })], false, t)));
  });

  it('refuses any other child of a Transform (an XSLT or XPath body): SAML_TRANSFORM_FORBIDDEN', async () => {
    const others = [`<ds:XPath xmlns:ds="${NS.ds}">1</ds:XPath>`, `<InclusiveNamespaces xmlns="urn:other" PrefixList="xs"/>`, `<ec:XPath xmlns:ec="${NS.ec}"/>`];
    for (const extra of others) {
      assert.equal((await sigRefusal({ extra })).code, 'SAML_TRANSFORM_FORBIDDEN');
    }
  });

  it('refuses a body in one Transform although the other is clean: SAML_TRANSFORM_FORBIDDEN', async () => {
    const el = signature();
    const enveloped = el.getElementsByTagNameNS(NS.ds, 'Transform').item(0) as Element;
    enveloped.appendChild(el.ownerDocument.createElementNS(NS.ds, 'ds:XPath'));
    const r = await refusal((t) => checkSignatureAlgorithms([el], false, t));
    assert.equal(r.code, 'SAML_TRANSFORM_FORBIDDEN');
    assert.deepEqual(r.trace.at(-1), { check: 'transforms', ok: false, detail: `${ALG.enveloped}, ${ALG.excC14n}` });
  });
});

/** An EncryptedAssertion as Shibboleth sends it (structure only). */
function encrypted(data: string, keys: string[], oaepDigest?: string): Element {
  const digest = oaepDigest === undefined ? '' : `<ds:DigestMethod xmlns:ds="${NS.ds}" Algorithm="${oaepDigest}"/>`;
  const key = (alg: string) => `<xenc:EncryptedKey><xenc:EncryptionMethod Algorithm="${alg}">${digest}</xenc:EncryptionMethod></xenc:EncryptedKey>`;
  const xml =
    `<saml:EncryptedAssertion xmlns:saml="${NS.saml}" xmlns:xenc="${NS.xenc}"><xenc:EncryptedData><xenc:EncryptionMethod Algorithm="${data}"/>` +
    `<ds:KeyInfo xmlns:ds="${NS.ds}">${keys.map(key).join('')}</ds:KeyInfo></xenc:EncryptedData></saml:EncryptedAssertion>`;
  return parseXml(xml).documentElement;
}

describe('encryption algorithms', () => {
  it('accepts AES-CBC and AES-GCM content with one RSA-OAEP key (SHA-1 OAEP digest or none)', () => {
    for (const data of [ALG.aes128Cbc, ALG.aes256Cbc, ALG.aes128Gcm, ALG.aes256Gcm]) {
      const { trace } = passing((t) => checkEncryptionAlgorithms(encrypted(data, [ALG.rsaOaepMgf1p], ALG.sha1), t));
      assert.deepEqual(trace.entries, [{ check: 'encryption-algorithms', ok: true, detail: `${ALG.rsaOaepMgf1p} + ${data}` }]);
    }
    assert.doesNotThrow(() => passing((t) => checkEncryptionAlgorithms(encrypted(ALG.aes128Gcm, [ALG.rsaOaepMgf1p]), t)));
  });

  it('refuses another content algorithm: SAML_ENCRYPTION_ALGORITHM_FORBIDDEN', async () => {
    const tripleDes = 'http://www.w3.org/2001/04/xmlenc#tripledes-cbc';
    const r = await refusal((t) => checkEncryptionAlgorithms(encrypted(tripleDes, [ALG.rsaOaepMgf1p]), t));
    assert.equal(r.code, 'SAML_ENCRYPTION_ALGORITHM_FORBIDDEN');
    assert.deepEqual(r.trace.at(-1), { check: 'data-encryption', ok: false, detail: tripleDes });
  });

  it('refuses RSA-1_5 key transport (Bleichenbacher): SAML_ENCRYPTION_ALGORITHM_FORBIDDEN', async () => {
    const r = await refusal((t) => checkEncryptionAlgorithms(encrypted(ALG.aes128Gcm, [ALG.rsa15]), t));
    assert.equal(r.code, 'SAML_ENCRYPTION_ALGORITHM_FORBIDDEN');
    assert.deepEqual(r.trace.at(-1), { check: 'key-transport', ok: false, detail: ALG.rsa15 });
  });

  it('refuses an EncryptedKey without EncryptionMethod: SAML_ENCRYPTION_ALGORITHM_FORBIDDEN', async () => {
    const el = encrypted(ALG.aes128Gcm, [ALG.rsaOaepMgf1p]);
    const key = el.getElementsByTagNameNS(NS.xenc, 'EncryptedKey').item(0) as Element;
    key.removeChild(key.firstChild as Node);
    const r = await refusal((t) => checkEncryptionAlgorithms(el, t));
    assert.equal(r.code, 'SAML_ENCRYPTION_ALGORITHM_FORBIDDEN');
    assert.deepEqual(r.trace.at(-1), { check: 'key-transport', ok: false, detail: 'none' });
  });

  it('refuses an OAEP digest other than SHA-1: SAML_ENCRYPTION_ALGORITHM_FORBIDDEN', async () => {
    const r = await refusal((t) => checkEncryptionAlgorithms(encrypted(ALG.aes128Gcm, [ALG.rsaOaepMgf1p], ALG.sha256), t));
    assert.equal(r.code, 'SAML_ENCRYPTION_ALGORITHM_FORBIDDEN');
    assert.deepEqual(r.trace.at(-1), { check: 'key-transport', ok: false, detail: `OAEP digest ${ALG.sha256}` });
  });

  it('refuses zero or two EncryptedKeys: SAML_DECRYPTION_FAILED', async () => {
    for (const keys of [[], [ALG.rsaOaepMgf1p, ALG.rsaOaepMgf1p]]) {
      const r = await refusal((t) => checkEncryptionAlgorithms(encrypted(ALG.aes128Gcm, keys), t));
      assert.equal(r.code, 'SAML_DECRYPTION_FAILED');
      assert.deepEqual(r.trace.at(-1), { check: 'key-transport', ok: false, detail: `${keys.length} EncryptedKey elements` });
    }
  });

  it('refuses an EncryptedAssertion without EncryptedData: SAML_ENCRYPTION_ALGORITHM_FORBIDDEN', async () => {
    const el = parseXml(`<saml:EncryptedAssertion xmlns:saml="${NS.saml}"/>`).documentElement;
    const r = await refusal((t) => checkEncryptionAlgorithms(el, t));
    assert.equal(r.code, 'SAML_ENCRYPTION_ALGORITHM_FORBIDDEN');
    assert.equal(r.trace.at(-1)?.detail, 'none');
  });
});

describe('KeyInfo is never a source of trust', () => {
  const TRUSTED = 'MIIBtrusted';
  const withKeyInfo = (keyInfo: string): Element =>
    parseXml(`<ds:Signature xmlns:ds="${NS.ds}"><ds:SignedInfo/>${keyInfo}</ds:Signature>`).documentElement;
  const x509 = (b64: string) => `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${b64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>`;

  it('accepts a metadata certificate (whitespace ignored) and a signature without KeyInfo', () => {
    const { trace } = passing((t) => checkSignatureCerts([withKeyInfo(x509('MIIB\n  trusted')), withKeyInfo('')], new Set([TRUSTED]), t));
    assert.deepEqual(trace.entries, [{ check: 'signing-certificate', ok: true }]);
  });

  it('refuses a certificate that is not in the IdP metadata: SAML_CERT_NOT_TRUSTED', async () => {
    const r = await refusal((t) => checkSignatureCerts([withKeyInfo(x509(TRUSTED)), withKeyInfo(x509('MIIBattacker'))], new Set([TRUSTED]), t));
    assert.equal(r.code, 'SAML_CERT_NOT_TRUSTED');
    assert.deepEqual(r.trace.at(-1), { check: 'signing-certificate', ok: false, detail: 'certificate is not in the IdP metadata' });
  });

  it('refuses a bare KeyValue: SAML_CERT_NOT_TRUSTED', async () => {
    const r = await refusal((t) => checkSignatureCerts([withKeyInfo('<ds:KeyInfo><ds:KeyValue/></ds:KeyInfo>')], new Set([TRUSTED]), t));
    assert.equal(r.code, 'SAML_CERT_NOT_TRUSTED');
    assert.deepEqual(r.trace.at(-1), { check: 'signing-certificate', ok: false, detail: 'KeyInfo carries a bare KeyValue' });
  });
});
