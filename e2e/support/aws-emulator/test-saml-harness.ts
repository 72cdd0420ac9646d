/**
 * Shared setup for the SAML tests: the emulator with one account, the `rolegate` SAML provider (metadata
 * with the IdP's certificate from test-saml.ts) and SAML-trusting roles; AssumeRoleWithSAML through the
 * real @aws-sdk/client-sts, and `POST /saml` (console sign-in) over fetch.
 */
import type { TestContext } from 'node:test';
import {
  AssumeRoleWithSAMLCommand,
  STSClient,
  type AssumeRoleWithSAMLCommandInput,
  type AssumeRoleWithSAMLCommandOutput,
} from '@aws-sdk/client-sts';
import { parseEmulatorConfig, type EmulatorConfigInput, type TrustPolicyInput } from './config';
import type { ConditionBlock } from './policy-condition';
import { startAwsEmulator, type AwsEmulator, type AwsEmulatorOptions } from './server';
import { ACCOUNT } from './test-issuer';
import { idpMetadata, SAML_PROVIDER, SAML_PROVIDER_ARN, SAML_ROLE, samlKeys } from './test-saml';
import { samlResponse, type ResponseOptions } from './test-saml-response';

export * from './test-saml';
export * from './test-saml-response';

/** Expected SDK errors (the SDK names modelled STS errors `…Exception`). */
export const samlErrors = {
  invalid: (message?: RegExp) => ({ name: 'InvalidIdentityTokenException', status: 400, message }),
  expired: (message?: RegExp) => ({ name: 'ExpiredTokenException', status: 400, message }),
  denied: (message?: RegExp) => ({
    name: 'AccessDenied',
    status: 403,
    message: message ?? /^Not authorized to perform sts:AssumeRoleWithSAML/,
  }),
  validation: (message?: RegExp) => ({ name: 'ValidationError', status: 400, message }),
};

type RoleInput = NonNullable<EmulatorConfigInput['accounts'][number]['roles']>[number];

/** null: a statement without Condition. */
type Condition = ConditionBlock | null;

/** SAML:aud must be AWS's global sign-in URL or the emulator's own /saml (any local port). */
export const SIGNIN_AUD_CONDITION: Condition = {
  StringLike: { 'SAML:aud': ['https://signin.aws.amazon.com/saml', 'http://localhost:*/saml'] },
};

/** Allows the provider for sts:AssumeRoleWithSAML (+ extra actions) under `condition`. */
export function samlTrustPolicy(
  extraActions: string[] = [],
  condition: Condition = SIGNIN_AUD_CONDITION,
): TrustPolicyInput {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: SAML_PROVIDER_ARN },
        Action: ['sts:AssumeRoleWithSAML', ...extraActions],
        ...(condition === null ? {} : { Condition: condition }),
      },
    ],
  };
}

export interface SamlHarnessOptions extends Partial<Omit<AwsEmulatorOptions, 'config'>> {
  /** Roles in the account; default one `rolegate-saml` role with samlTrustPolicy(). */
  roles?: RoleInput[];
  /** Certificates in the provider metadata; default the IdP's. */
  metadataCerts?: string[];
}

export interface SamlHarness {
  emulator: AwsEmulator;
  sts: STSClient;
  roleArn(name?: string): string;
  /** AssumeRoleWithSAML through the SDK with a fresh default response (or the given one). */
  assume(
    response?: ResponseOptions | string,
    input?: Partial<AssumeRoleWithSAMLCommandInput>,
  ): Promise<AssumeRoleWithSAMLCommandOutput>;
  /** POST /saml as the IdP's auto-submitting form would (no redirects followed). */
  postSaml(form: Record<string, string>): Promise<Response>;
  /** A response whose Recipient / Destination is the emulator's own /saml endpoint. */
  consoleResponse(response?: ResponseOptions): Promise<string>;
}

export async function startSamlHarness(
  t: TestContext,
  opts: SamlHarnessOptions = {},
): Promise<SamlHarness> {
  const { roles, metadataCerts, ...emulatorOptions } = opts;
  const { idp } = await samlKeys();
  const config = parseEmulatorConfig({
    accounts: [
      { id: ACCOUNT, roles: roles ?? [{ name: SAML_ROLE, trustPolicy: samlTrustPolicy() }] },
    ],
    samlProviders: [
      {
        account: ACCOUNT,
        name: SAML_PROVIDER,
        metadataXml: idpMetadata(metadataCerts ?? [idp.certPem]),
      },
    ],
  });
  const emulator = await startAwsEmulator({ ...emulatorOptions, config });
  t.after(() => emulator.close());
  const sts = new STSClient({ region: 'us-east-1', endpoint: emulator.url, maxAttempts: 1 });
  const roleArn = (name = SAML_ROLE): string => `arn:aws:iam::${ACCOUNT}:role/${name}`;
  return {
    emulator,
    sts,
    roleArn,
    assume: async (response = {}, input = {}) =>
      sts.send(
        new AssumeRoleWithSAMLCommand({
          RoleArn: roleArn(),
          PrincipalArn: SAML_PROVIDER_ARN,
          SAMLAssertion: typeof response === 'string' ? response : await samlResponse(response),
          ...input,
        }),
      ),
    postSaml: (form) =>
      fetch(`${emulator.url}/saml`, {
        method: 'POST',
        body: new URLSearchParams(form),
        redirect: 'manual',
      }),
    consoleResponse: (response = {}) =>
      samlResponse({ recipient: `${emulator.url}/saml`, ...response }),
  };
}
