import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmulatorConfigError, loadEmulatorConfig, parseEmulatorConfig } from './config';
import { ACCOUNT } from './test-helpers';
import { certBody, ENTITY_ID, idpMetadata, SAML_PROVIDER_ARN, samlKeys } from './test-saml-harness';

function config(provider: Record<string, unknown>): Record<string, unknown> {
  return {
    accounts: [{ id: ACCOUNT }],
    samlProviders: [{ account: ACCOUNT, name: 'rolegate', ...provider }],
  };
}

function rejects(input: unknown, message: RegExp): void {
  assert.throws(
    () => parseEmulatorConfig(input),
    (err: unknown) => err instanceof EmulatorConfigError && message.test(err.message),
  );
}

test('samlProviders: metadata parsed at load (entityID, signing certificates, ARN)', async () => {
  const { idp, other } = await samlKeys();
  const metadata = idpMetadata([idp.certPem]).replace(
    '</md:IDPSSODescriptor>',
    `<md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody(other.certPem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:IDPSSODescriptor>`,
  );
  const [provider] = parseEmulatorConfig(config({ metadataXml: metadata })).samlProviders;
  assert.equal(provider?.arn, SAML_PROVIDER_ARN);
  assert.equal(provider?.entityId, ENTITY_ID);
  assert.equal(provider?.certificates.length, 1, 'the encryption key is not a signing key');
  assert.match(provider?.certificates[0] ?? '', /^-----BEGIN CERTIFICATE-----\n/);
  assert.deepEqual(parseEmulatorConfig({ accounts: [{ id: ACCOUNT }] }).samlProviders, []);
});

test('invalid metadata fails config parsing with "Could not parse metadata"', async () => {
  const { idp } = await samlKeys();
  const good = idpMetadata([idp.certPem]);
  const at = /samlProviders\.0\.metadataXml: Could not parse metadata: /;
  rejects(
    config({ metadataXml: '<md:EntityDescriptor' }),
    new RegExp(`${at.source}not well-formed`),
  );
  rejects(config({ metadataXml: `<!DOCTYPE x>${good}` }), /DOCTYPE is not allowed/);
  rejects(config({ metadataXml: idpMetadata([]) }), /no signing certificate/);
  rejects(config({ metadataXml: idpMetadata([idp.certPem], '') }), /entityID must be 1-1024/);
  rejects(
    config({
      metadataXml: good.replace(/<ds:X509Certificate>[^<]{10}/, '<ds:X509Certificate>AAAAAAAAAA'),
    }),
    /invalid X509Certificate/,
  );
  rejects(
    config({ metadataXml: good.replace('SAML:2.0:protocol"', 'SAML:1.1:protocol"') }),
    /no IDPSSODescriptor supporting SAML 2.0/,
  );
  rejects(
    config({
      metadataXml: `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${good.replace(/^<\?xml[^>]*>/, '')}</md:EntitiesDescriptor>`,
    }),
    /one md:EntityDescriptor/,
  );
});

test('samlProviders: name pattern, known account, no duplicates, one metadata source', async () => {
  const { idp } = await samlKeys();
  const metadataXml = idpMetadata([idp.certPem]);
  rejects(config({ metadataXml, name: 'bad name' }), /SAML provider names are 1-128/);
  rejects(config({ metadataXml, account: '999999999999' }), /unknown account 999999999999/);
  rejects(config({}), /needs metadataXml/);
  rejects(config({ metadataFile: 'idp.xml' }), /metadataFile is only read by loadEmulatorConfig/);
  rejects(config({ metadataXml, metadataFile: 'idp.xml' }), /not both/);
  const twice = config({ metadataXml });
  twice['samlProviders'] = [0, 1].map(() => ({ account: ACCOUNT, name: 'rolegate', metadataXml }));
  rejects(twice, /duplicate SAML provider/);
});

test('loadEmulatorConfig reads metadataFile relative to the config file', async () => {
  const { idp } = await samlKeys();
  const dir = await mkdtemp(path.join(tmpdir(), 'aws-emulator-saml-'));
  await writeFile(path.join(dir, 'idp-metadata.xml'), idpMetadata([idp.certPem]));
  const file = path.join(dir, 'config.json');
  await writeFile(file, JSON.stringify(config({ metadataFile: 'idp-metadata.xml' })));
  const cfg = await loadEmulatorConfig(file);
  assert.equal(cfg.samlProviders[0]?.entityId, ENTITY_ID);
  await writeFile(file, JSON.stringify(config({ metadataFile: 'missing.xml' })));
  await assert.rejects(loadEmulatorConfig(file), /samlProviders\.0\.metadataFile: cannot read/);
});
