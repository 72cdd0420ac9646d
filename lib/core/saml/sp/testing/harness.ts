/**
 * Test-only: in-memory stores and a ready connection for a test IdP, shared by the unit tests, the attack
 * suite and the bench.
 */
import { inflateRawSync } from 'node:zlib';
import { createSamlSp } from '../create-saml-sp';
import type { SamlSp, SamlSpConnection, ValidateContext } from '../types';
import { MemoryReplayStore, MemoryRequestStore } from './memory-stores';

export { MemoryReplayStore, MemoryRequestStore };
import { freshCert, type TestIdp, type TestSp } from './test-idp';

/** A test SP (with an encryption certificate) and the connection for `idp`. */
export async function connect(idp: TestIdp, overrides: Partial<SamlSpConnection> = {}): Promise<{ sp: SamlSp; testSp: TestSp }> {
  const encryptionCert = await freshCert('rolegate sp encryption');
  const testSp: TestSp = { spEntityId: 'https://rolegate.test/saml/sp', acsUrl: 'https://rolegate.test/api/saml/acs', encryptionCert };
  const sp = createSamlSp({
    spEntityId: testSp.spEntityId,
    acsUrl: testSp.acsUrl,
    idpMetadataXml: idp.metadataXml,
    spEncryptionKey: encryptionCert.privateKeyPem,
    spEncryptionCert: encryptionCert.certPem,
    allowIdpInitiated: false,
    clockSkewSeconds: 60,
    ...overrides,
  });
  return { sp, testSp };
}

export function context(requests = new MemoryRequestStore(), now = new Date()): ValidateContext & { requests: MemoryRequestStore; replay: MemoryReplayStore } {
  return { now, requests, replay: new MemoryReplayStore() };
}

export const b64 = (xml: string): string => Buffer.from(xml, 'utf8').toString('base64');

/** The AuthnRequest XML an HTTP-Redirect URL carries (saml-bindings §3.4.4.1: DEFLATE, base64). */
export function authnRequestXml(url: string): string {
  const value = new URL(url).searchParams.get('SAMLRequest') ?? '';
  return inflateRawSync(Buffer.from(value, 'base64')).toString('utf8');
}
