/**
 * The IAM side of a Rolegate config, as an administrator would set it up in each account: an OIDC provider
 * for Rolegate's issuer (audience = `issuer.audience`), a SAML provider named `samlProvider` holding
 * Rolegate's IdP metadata, and every configured role with a trust policy on the provider its delivery uses.
 * The demo builds its emulator from this; `main.ts --rolegate-config` does the same for any config file.
 */
import { readFile } from 'node:fs/promises';
import { parseConfigText, type RolegateConfig } from '../../../lib/core/config/parse';
import type { EmulatorConfigInput } from './config';

export interface RolegateSide {
  /** Rolegate's IdP metadata (GET <publicUrl>/aws/saml/metadata), as uploaded to IAM. */
  idpMetadataXml: string;
  /** Where the emulator takes console SAML posts: the SAML:aud a SAML trust policy requires. */
  samlSigninUrl: string;
}

function trustStatement(config: RolegateConfig, account: RolegateConfig['accounts'][number], delivery: 'web-identity' | 'saml', side: RolegateSide) {
  if (delivery === 'saml') {
    return {
      Effect: 'Allow' as const,
      Principal: { Federated: `arn:aws:iam::${account.id}:saml-provider/${account.samlProvider}` },
      Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession', 'sts:SetSourceIdentity'],
      Condition: { StringEquals: { 'SAML:aud': side.samlSigninUrl } },
    };
  }
  const provider = oidcProviderUrl(config);
  return {
    Effect: 'Allow' as const,
    Principal: { Federated: `arn:aws:iam::${account.id}:oidc-provider/${provider}` },
    Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession', 'sts:SetSourceIdentity'],
    Condition: { StringEquals: { [`${provider}:aud`]: config.issuer.audience } },
  };
}

/** IAM's name for an OIDC provider: the issuer URL without its scheme. */
function oidcProviderUrl(config: RolegateConfig): string {
  return config.publicUrl.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** Throws for an account outside the `aws` partition: the emulator is commercial AWS only. */
export function emulatorConfigFor(config: RolegateConfig, side: RolegateSide): EmulatorConfigInput {
  const other = config.accounts.find((a) => a.partition !== 'aws');
  if (other) throw new Error(`account ${other.id} is in partition ${other.partition}: the AWS emulator emulates the aws partition only`);
  const scheme = config.publicUrl.startsWith('http:') ? ('http' as const) : ('https' as const);
  return {
    samlProviders: config.accounts.map((a) => ({ account: a.id, name: a.samlProvider, metadataXml: side.idpMetadataXml })),
    oidcProviders: config.accounts.map((a) => ({ account: a.id, url: oidcProviderUrl(config), clientIds: [config.issuer.audience], scheme })),
    accounts: config.accounts.map((a) => ({
      id: a.id,
      roles: a.roles.map((r) => ({
        name: r.name,
        maxSessionDuration: r.maxSessionDuration,
        trustPolicy: { Version: '2012-10-17', Statement: [trustStatement(config, a, r.delivery, side)] },
      })),
    })),
  };
}

/**
 * The emulator config for a Rolegate config file: reads and checks the file as Rolegate does (without its
 * environment), and fetches Rolegate's IdP metadata from the running instance, as an admin downloads it
 * for IAM. `emulatorUrl` is where the emulator will listen (its `/saml` is the default SAML:aud).
 */
export async function emulatorConfigForFile(file: string, emulatorUrl: string, rolegateUrl?: string): Promise<EmulatorConfigInput> {
  const config = parseConfigText(await readFile(file, 'utf8'), file);
  const metadataUrl = `${(rolegateUrl ?? config.publicUrl).replace(/\/$/, '')}/aws/saml/metadata`;
  let idpMetadataXml: string;
  try {
    const res = await fetch(metadataUrl, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    idpMetadataXml = await res.text();
  } catch (err) {
    throw new Error(`could not read Rolegate's IdP metadata from ${metadataUrl} (start Rolegate first, or pass --rolegate-url): ${(err as Error).message}`);
  }
  const samlSigninUrl = config.aws.samlSigninUrl ?? `${emulatorUrl.replace(/\/$/, '')}/saml`;
  return emulatorConfigFor(config, { idpMetadataXml, samlSigninUrl });
}
