/**
 * EncryptedAssertion attacks (AWS-FACTS §2 "Encrypted assertion"): anyone can encrypt to our public
 * certificate, so the decrypted assertion must carry its own valid signature; RSA-1_5 key transport
 * (Bleichenbacher) is refused even though samlify would use it ([AUD] F-6).
 */
import { isGatewayError } from '../../lib/core/errors';
import { ALG } from '../../lib/core/saml/sp/algorithms';
import { MemoryReplayStore, MemoryRequestStore } from '../../lib/core/saml/sp/testing/harness';
import { b64, edit } from './dom';
import type { AttackCase } from './case';
import type { World } from './world';

const XENC = 'http://www.w3.org/2001/04/xmlenc#';

/** Flips bit 0 of ciphertext byte `at` (past the 16-byte IV): that plaintext block garbles, the next one flips a byte. */
function flipCipherByte(xml: string, at: number): string {
  return edit(xml, (d) => {
    const values = d.getElementsByTagNameNS(XENC, 'CipherValue');
    const data = values.item(values.length - 1) as Element;
    const bytes = Buffer.from(data.textContent ?? '', 'base64');
    const i = 16 + (at % (bytes.length - 32));
    bytes[i] = (bytes[i] ?? 0) ^ 1;
    data.textContent = bytes.toString('base64');
  });
}

/**
 * Jager & Somorovsky, "How to Break XML Encryption" (CCS 2011): altered AES-CBC ciphertexts decrypt to
 * plaintexts that fail different checks (not XML, schema, structure, signature). Before encrypted-refusal.ts,
 * about half of these 60 alterations answered one of six other codes: a format oracle on the plaintext.
 */
async function cbcFormatOracle(w: World): Promise<unknown> {
  const { xml, requestId } = await w.issue('shibboleth', { style: { encrypt: { data: ALG.aes128Cbc, key: ALG.rsaOaepMgf1p } } });
  const peer = w.peers.shibboleth;
  for (let k = 0; k < 60; k++) {
    const requests = new MemoryRequestStore();
    requests.add(requestId);
    const ctx = { now: new Date(), requests, replay: new MemoryReplayStore() };
    const answer: unknown = await peer.sp.validateResponse(b64(flipCipherByte(xml, 16 * k + (k % 16))), ctx).catch((e: unknown) => e);
    // Anything else than that one refusal ends the case with it (the judge then names the code, or ACCEPTED).
    if (!(isGatewayError(answer) && answer.code === 'SAML_DECRYPTION_FAILED')) {
      if (answer instanceof Error) throw answer;
      return answer;
    }
  }
  return w.validate(peer, flipCipherByte(xml, 40), { requestIds: [requestId] });
}

export const encryptionCases: AttackCase[] = [
  {
    // Refused as SAML_SIGNATURE_MISSING; answered as SAML_DECRYPTION_FAILED like every refusal after decryption.
    name: 'encrypted assertion that is not signed inside (Response signed around the ciphertext)',
    expect: 'SAML_DECRYPTION_FAILED',
    idp: 'shibboleth',
    issue: { style: { signAssertion: false, signResponse: true } },
  },
  {
    name: 'RSA-1_5 key transport',
    expect: 'SAML_ENCRYPTION_ALGORITHM_FORBIDDEN',
    idp: 'shibboleth',
    issue: { style: { encrypt: { data: ALG.aes128Gcm, key: ALG.rsa15 } } },
  },
  {
    name: 'ciphertext tampered (AES-GCM tag fails)',
    expect: 'SAML_DECRYPTION_FAILED',
    idp: 'shibboleth',
    mutate: (x) =>
      edit(x, (d) => {
        const values = d.getElementsByTagNameNS(XENC, 'CipherValue');
        const data = values.item(values.length - 1) as Element;
        const bytes = Buffer.from(data.textContent ?? '', 'base64');
        bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 1;
        data.textContent = bytes.toString('base64');
      }),
  },
  {
    name: 'AES-CBC ciphertext altered block by block: one answer whatever the plaintext became (no format oracle)',
    expect: 'SAML_DECRYPTION_FAILED',
    run: cbcFormatOracle,
  },
  {
    name: 'encrypted assertion for a connection without a decryption key',
    expect: 'SAML_DECRYPTION_FAILED',
    run: async (w) => {
      const peer = await w.variant('shibboleth', { spEncryptionKey: undefined, spEncryptionCert: undefined });
      const xml = await peer.idp.issue(w.peers.shibboleth.testSp, { inResponseTo: '_r1', user: { nameId: 'mallory@example.com' } });
      return w.validate(peer, xml, { requestIds: ['_r1'] });
    },
  },
];
