import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { EXAMPLE_CONFIG_YAML } from '../../../lib/core/config/fixtures';
import { parseConfigText } from '../../../lib/core/config/parse';
import { parseEmulatorConfig } from './config';
import { emulatorConfigFor, emulatorConfigForFile } from './for-rolegate';
import { idpMetadata, samlKeys } from './test-saml';

const config = parseConfigText(EXAMPLE_CONFIG_YAML);
const rolegateIdpMetadata = async (): Promise<string> => idpMetadata([(await samlKeys()).idp.certPem]);

test('every configured role exists in the emulator, trusting the provider its delivery uses', async () => {
  const side = { idpMetadataXml: await rolegateIdpMetadata(), samlSigninUrl: 'http://localhost:4566/saml' };
  const emu = parseEmulatorConfig(emulatorConfigFor(config, side));
  assert.deepEqual(emu.accounts.map((a) => a.id), config.accounts.map((a) => a.id));
  for (const account of config.accounts) {
    const roles = emu.accounts.find((a) => a.id === account.id)?.roles ?? [];
    assert.deepEqual(roles.map((r) => r.name), account.roles.map((r) => r.name));
    for (const role of account.roles) {
      const trust = JSON.stringify(roles.find((r) => r.name === role.name)?.trustPolicy);
      const federated = role.delivery === 'saml' ? `saml-provider/${account.samlProvider}` : `oidc-provider/${new URL(config.publicUrl).host}`;
      assert.ok(trust.includes(federated), `${account.alias}/${role.name} trusts ${federated}`);
    }
  }
  const oidc = emu.oidcProviders[0];
  assert.equal(oidc?.url, new URL(config.publicUrl).host);
  assert.deepEqual(oidc?.clientIds, [config.issuer.audience]);
});

test('an account outside the aws partition is refused with a reason', () => {
  const gov = { ...config, accounts: [{ ...config.accounts[0]!, partition: 'aws-us-gov' as const }] };
  assert.throws(() => emulatorConfigFor(gov, { idpMetadataXml: '', samlSigninUrl: 'http://x/saml' }), /partition aws-us-gov: the AWS emulator emulates the aws partition only/);
});

test('from a config file: reads the IdP metadata from the running Rolegate, or says why it cannot', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-emu-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'rolegate.yaml');
  writeFileSync(file, EXAMPLE_CONFIG_YAML);
  const metadata = await rolegateIdpMetadata();
  const server = createServer((req, res) => (req.url === '/aws/saml/metadata' ? res.end(metadata) : (res.statusCode = 404, res.end())));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const emu = parseEmulatorConfig(await emulatorConfigForFile(file, 'http://localhost:4566', url));
  assert.equal(emu.samlProviders.length, config.accounts.length);
  await assert.rejects(emulatorConfigForFile(file, 'http://localhost:4566', `${url}/nowhere`), /could not read Rolegate's IdP metadata from .*nowhere\/aws\/saml\/metadata .*HTTP 404/);
});
