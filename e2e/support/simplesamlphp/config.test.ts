import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { certBody } from '../../../lib/core/saml/certificate';
import { writeRemoteSps, writeSspConfig } from './config';

const noPhp = !existsSync('/usr/bin/php') && 'php is not installed';
const PEM = '-----BEGIN CERTIFICATE-----\nTUlJQ2VydA==\nQm9keQ==\n-----END CERTIFICATE-----\n';

function readMetadata(file: string): Record<string, Record<string, unknown>> {
  return JSON.parse(execFileSync('php', ['-r', 'include $argv[1]; echo json_encode($metadata);', file], { encoding: 'utf8' }));
}

test('issue 13 §6: an SP with an encryption certificate gets assertion.encryption and an encryption-only key; the others none', { skip: noPhp }, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ssp-config-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await writeSspConfig(dir, 'http://localhost:1', [{ entityId: 'https://sp/plain', acsUrl: 'https://sp/plain/acs' }]);
  writeRemoteSps(dir, [
    { entityId: 'https://sp/plain', acsUrl: 'https://sp/plain/acs' },
    { entityId: 'https://sp/enc', acsUrl: 'https://sp/enc/acs', encryptionCert: PEM },
  ]);
  assert.deepEqual(readMetadata(path.join(dir, 'metadata', 'saml20-sp-remote.php')), {
    'https://sp/plain': { AssertionConsumerService: 'https://sp/plain/acs' },
    'https://sp/enc': {
      AssertionConsumerService: 'https://sp/enc/acs',
      'assertion.encryption': true,
      keys: [{ encryption: true, signing: false, type: 'X509Certificate', X509Certificate: 'TUlJQ2VydA==Qm9keQ==' }],
    },
  });
});

test('issue 13 §6: the IdP key pair is kept in keyDir across starts (Rolegate caches the metadata by URL), fresh without one', async (t) => {
  const root = mkdtempSync(path.join(tmpdir(), 'ssp-config-test-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const certOf = async (name: string, keyDir?: string) => {
    await writeSspConfig(path.join(root, name), 'http://localhost:1', [], keyDir);
    return certBody(readFileSync(path.join(root, name, 'cert', 'idp.crt'), 'utf8'));
  };
  const keyDir = path.join(root, 'kept');
  const first = await certOf('a', keyDir);
  assert.equal(await certOf('b', keyDir), first);
  assert.notEqual(await certOf('c'), first);
});
