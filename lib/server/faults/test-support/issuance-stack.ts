/**
 * The issuance path as lib/server/container.ts wires it — real repos on a fresh PostgreSQL database (here
 * through a cuttable TCP proxy), issuer and SAML IdP keys in the database, the SDK STS gateway — against
 * the AWS emulator configured as an administrator would set up IAM for this config. container.ts itself
 * imports 'server-only', so its wiring is repeated here (as lib/server/issuer-keys.test.ts does).
 */
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import { parseEmulatorConfig } from '../../../../e2e/support/aws-emulator/config';
import { emulatorConfigFor } from '../../../../e2e/support/aws-emulator/for-rolegate';
import { startAwsEmulator, type AwsEmulator } from '../../../../e2e/support/aws-emulator/server';
import { parseConfigText, type RolegateConfig } from '../../../core/config/parse';
import type { IssuanceDeps } from '../../../core/issuance/issue';
import { awsIdpMetadataXml } from '../../../core/saml/aws/metadata';
import { createSdkStsGateway } from '../../../core/sts/sdk-gateway';
import type { IdentityClaims } from '../../../core/types';
import { createSecretBox } from '../../../db/crypto';
import type { Repos } from '../../../db/repos';
import type { CutProxy } from '../../../db/test-support/cut-proxy';
import { runSql } from '../../../db/test-support/sql';
import { createIssuerKeys, signingKeyStore } from '../../issuer-keys';
import { issuerKeyPolicy } from '../../key-states';
import { createSamlKeyRing, idpKeyLifetime } from '../../saml/saml-keys';
import { startProxiedDb } from './proxied-db';

export const CONFIG_YAML = `
publicUrl: https://rolegate.example.com
idps:
  - { id: okta, preset: okta, name: Okta, issuer: https://example.okta.com, clientId: c1 }
accounts:
  - id: "111122223333"
    alias: dev
    region: eu-west-1
    roles:
      - { name: Admin, delivery: saml }
      - { name: Web }
rules:
  - { id: devs, idps: [okta], groups: [aws-devs], roles: [dev/Admin, dev/Web] }
`;

export const ALICE: IdentityClaims = {
  idpId: 'okta', issuer: 'https://example.okta.com', subject: '00u-alice', email: 'alice@example.com', emailVerified: true,
  groups: ['aws-devs'], extra: {},
};
export const CTX = { userId: 'user-alice', ip: '203.0.113.9', userAgent: 'fault-test', channel: 'web' as const };

export interface IssuanceStack {
  config: RolegateConfig;
  /** The database URL without the proxy: counts rows whatever state the proxy is in. */
  directUrl: string;
  proxy: CutProxy;
  repos: Repos;
  emulator: AwsEmulator;
  /** Issuance deps as container.ts builds them, with STS at `stsEndpoint` (default: the emulator). */
  deps(stsEndpoint?: string): IssuanceDeps;
  /** The ledger's rows, oldest first, read directly from PostgreSQL. */
  ledger(): Promise<{ type: string; outcome: string; code: string | null; roleArn: string | null }[]>;
}

/** A migrated PostgreSQL database behind a cut proxy, the app's repos over it, and the AWS emulator. */
export async function startIssuanceStack(t: TestContext, yaml = CONFIG_YAML): Promise<IssuanceStack> {
  const config = parseConfigText(yaml);
  const { directUrl, proxy, repos } = await startProxiedDb(t);
  const box = createSecretBox([randomBytes(32)]);
  const now = () => new Date();
  const keys = createIssuerKeys(
    signingKeyStore(repos.signingKeys),
    box,
    issuerKeyPolicy(config),
    now,
  );
  const samlIdpKeys = createSamlKeyRing(repos.samlKeys, box, { purpose: 'aws-idp-signing', connectionId: null, commonName: 'Rolegate SAML IdP test', ...idpKeyLifetime(config.samlIdp), now });
  // IAM's SAML provider holds Rolegate's IdP metadata, as an administrator uploads it.
  const idpMetadataXml = awsIdpMetadataXml({ entityId: config.samlIdp.entityId, ssoUrl: `${config.publicUrl}/roles`, certificatesPem: await samlIdpKeys.certificates() });
  const emulator = await startAwsEmulator({ config: parseEmulatorConfig(emulatorConfigFor(config, { idpMetadataXml, samlSigninUrl: 'https://signin.aws.amazon.com/saml' })) });
  t.after(() => emulator.close());
  return {
    config,
    directUrl,
    proxy,
    repos,
    emulator,
    deps: (stsEndpoint = emulator.url) => ({
      config,
      sts: createSdkStsGateway({ endpoint: stsEndpoint, timeoutMs: 2_000 }),
      signer: () => keys.signer(),
      samlSigner: () => samlIdpKeys.active(),
      audit: async (record) => void (await repos.audit.appendAudit(record)),
      grants: (userId, verifiedEmail) => repos.roleGrants.activeGrantsFor(userId, verifiedEmail),
      lockdown: () => repos.settings.getLockdown(),
      now,
    }),
    ledger: async () =>
      (await runSql(directUrl, 'SELECT "type", "outcome", "code", "roleArn" FROM "AuditEvent" ORDER BY "at", "id"')) as {
        type: string;
        outcome: string;
        code: string | null;
        roleArn: string | null;
      }[],
  };
}
