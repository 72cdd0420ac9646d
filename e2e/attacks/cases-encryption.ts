/**
 * EncryptedAssertion attacks (AWS-FACTS §2 "Encrypted assertion"): anyone can encrypt to our public
 * certificate, so the decrypted assertion must carry its own valid signature; RSA-1_5 key transport
 * (Bleichenbacher) is refused even though samlify would use it ([AUD] F-6).
 */
import { ALG } from '../../lib/core/saml/sp/algorithms';
import { edit } from './dom';
import type { AttackCase } from './case';

const XENC = 'http://www.w3.org/2001/04/xmlenc#';

export const encryptionCases: AttackCase[] = [
  {
    name: 'encrypted assertion that is not signed inside (Response signed around the ciphertext)',
    expect: 'SAML_SIGNATURE_MISSING',
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
    name: 'encrypted assertion for a connection without a decryption key',
    expect: 'SAML_DECRYPTION_FAILED',
    run: async (w) => {
      const peer = await w.variant('shibboleth', { spEncryptionKey: undefined, spEncryptionCert: undefined });
      const xml = await peer.idp.issue(w.peers.shibboleth.testSp, { inResponseTo: '_r1', user: { nameId: 'mallory@example.com' } });
      return w.validate(peer, xml, { requestIds: ['_r1'] });
    },
  },
];
