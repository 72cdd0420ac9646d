/**
 * Shared setup for the emulator tests: the local OIDC issuer (test-issuer.ts, re-exported here), the
 * emulator itself on a free port, and STS clients from the real @aws-sdk/client-sts.
 */
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import {
  AssumeRoleWithWebIdentityCommand,
  STSClient,
  type AssumeRoleWithWebIdentityCommandInput,
  type AssumeRoleWithWebIdentityCommandOutput,
  type Credentials,
} from '@aws-sdk/client-sts';
import { parseEmulatorConfig, type EmulatorConfigInput, type TrustPolicy } from './config';
import { startAwsEmulator, type AwsEmulator, type AwsEmulatorOptions } from './server';
import { ACCOUNT, CLIENT_ID, mintToken, TestIssuer } from './test-issuer';

export { ACCOUNT, CLIENT_ID, mintToken, TestIssuer, type TokenOptions } from './test-issuer';
export * from './test-federation';
export const ROLE = 'rolegate-dev';

/** A trust policy allowing the issuer for `aud` = sts.amazonaws.com and `sub` like `user-*`. */
export function defaultTrustPolicy(issuer: TestIssuer, extraActions: string[] = []): TrustPolicy {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: issuer.providerArn },
        Action: ['sts:AssumeRoleWithWebIdentity', ...extraActions],
        Condition: {
          StringEquals: { [`${issuer.providerUrl}:aud`]: CLIENT_ID },
          StringLike: { [`${issuer.providerUrl}:sub`]: 'user-*' },
        },
      },
    ],
  };
}

export interface Harness {
  issuer: TestIssuer;
  emulator: AwsEmulator;
  sts: STSClient;
  roleArn(name?: string): string;
  /** AssumeRoleWithWebIdentity through the SDK with a default token, role and session name. */
  assume(
    input?: Partial<AssumeRoleWithWebIdentityCommandInput>,
  ): Promise<AssumeRoleWithWebIdentityCommandOutput>;
  /** An STS client signing with the given (issued) credentials. */
  clientWith(
    creds: Credentials,
    overrides?: { secretAccessKey?: string; sessionToken?: string; clockOffsetMs?: number },
  ): STSClient;
}

export interface HarnessOptions extends Partial<Omit<AwsEmulatorOptions, 'config'>> {
  /** Roles in the account; default one `rolegate-dev` role with defaultTrustPolicy. */
  roles?: (issuer: TestIssuer) => NonNullable<EmulatorConfigInput['accounts'][number]['roles']>;
  providerScheme?: 'http' | 'https';
  /** IAM users (long-term keys with IAM rights in their account); default none. */
  iamUsers?: EmulatorConfigInput['iamUsers'];
}

function stsClient(
  endpoint: string,
  extra: Partial<ConstructorParameters<typeof STSClient>[0]> = {},
): STSClient {
  return new STSClient({ region: 'us-east-1', endpoint, maxAttempts: 1, ...extra });
}

export async function startHarness(t: TestContext, opts: HarnessOptions = {}): Promise<Harness> {
  const { roles, providerScheme, iamUsers, ...emulatorOptions } = opts;
  const issuer = await TestIssuer.start(t);
  const config = parseEmulatorConfig({
    accounts: [
      {
        id: ACCOUNT,
        roles: roles?.(issuer) ?? [{ name: ROLE, trustPolicy: defaultTrustPolicy(issuer) }],
      },
    ],
    oidcProviders: [
      {
        account: ACCOUNT,
        url: issuer.providerUrl,
        clientIds: [CLIENT_ID],
        scheme: providerScheme ?? 'http',
      },
    ],
    iamUsers,
  });
  const emulator = await startAwsEmulator({ ...emulatorOptions, config });
  t.after(() => emulator.close());
  const sts = stsClient(emulator.url);
  const roleArn = (name = ROLE): string => `arn:aws:iam::${ACCOUNT}:role/${name}`;
  return {
    issuer,
    emulator,
    sts,
    roleArn,
    assume: async (input = {}) =>
      sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn(),
          RoleSessionName: 'alice',
          WebIdentityToken: await mintToken(issuer),
          ...input,
        }),
      ),
    clientWith: (creds, overrides = {}) =>
      stsClient(emulator.url, {
        systemClockOffset: overrides.clockOffsetMs ?? 0,
        credentials: {
          accessKeyId: creds.AccessKeyId ?? '',
          secretAccessKey: overrides.secretAccessKey ?? creds.SecretAccessKey ?? '',
          sessionToken: overrides.sessionToken ?? creds.SessionToken ?? '',
        },
      }),
  };
}

/** Asserts an SDK call fails with the given error name, HTTP status and (optionally) message pattern. */
export async function assertAwsError(
  promise: Promise<unknown>,
  expected: { name: string; status: number; message?: RegExp },
): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof Error, 'expected an Error');
    assert.equal(err.name, expected.name, `error name (message: ${err.message})`);
    const status = (err as Error & { $metadata?: { httpStatusCode?: number } }).$metadata
      ?.httpStatusCode;
    assert.equal(status, expected.status, 'HTTP status');
    if (expected.message) assert.match(err.message, expected.message);
    return true;
  });
}

/** The issued credentials of an assume call, asserted present. */
export function credentialsOf(out: AssumeRoleWithWebIdentityCommandOutput): Credentials {
  assert.ok(out.Credentials, 'response has Credentials');
  return out.Credentials;
}

/** POSTs an `application/x-www-form-urlencoded` body, as a bare query-protocol client or a browser form does. */
export function postForm(url: string, body: string | URLSearchParams): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}
