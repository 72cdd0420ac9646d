/**
 * Test-only: in-memory stores and a ready connection for a test IdP, shared by the unit tests, the attack
 * suite and the bench.
 */
import { createSamlSp } from '../create-saml-sp';
import type { ReplayStore, RequestStore, SamlSp, SamlSpConnection, ValidateContext } from '../types';
import { freshCert, type TestIdp, type TestSp } from './test-idp';

export class MemoryReplayStore implements ReplayStore {
  readonly recorded = new Map<string, number>();
  async seen(id: string): Promise<boolean> {
    return this.recorded.has(id);
  }
  async remember(id: string, expiresAt: Date): Promise<boolean> {
    if (this.recorded.has(id)) return false;
    this.recorded.set(id, expiresAt.getTime());
    return true;
  }
}

export class MemoryRequestStore implements RequestStore {
  readonly pending = new Set<string>();
  add(id: string): string {
    this.pending.add(id);
    return id;
  }
  async consume(id: string): Promise<boolean> {
    return this.pending.delete(id);
  }
}

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
