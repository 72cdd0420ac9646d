/**
 * The emulator's JSON config: accounts with IAM roles (trust policy + MaxSessionDuration), IAM OIDC
 * providers, stored the way IAM stores them (AWS-FACTS §1.3: the provider URL is `host[/path]`, no scheme),
 * and IAM SAML providers (name + IdP metadata, saml-provider-config.ts).
 * Parsed with zod so a broken fixture fails at start-up, listing every problem.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { trustPolicySchema } from './policy-schema';
import { inlineMetadataFiles, samlProviderSchema } from './saml-provider-config';

const roleSchema = z
  .object({
    name: z.string().regex(/^[\w+=,.@-]{1,64}$/, 'IAM role names are 1-64 of [\\w+=,.@-]'),
    maxSessionDuration: z.number().int().min(3600).max(43200).default(3600),
    trustPolicy: trustPolicySchema,
  })
  .strict();

const accountSchema = z
  .object({
    id: z.string().regex(/^\d{12}$/, 'account ids are 12 digits'),
    roles: z.array(roleSchema).default([]),
  })
  .strict();

const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?(\/|$)/;

const providerSchema = z
  .object({
    account: z.string().regex(/^\d{12}$/),
    url: z
      .string()
      .min(1)
      .max(255)
      .regex(
        /^[^/:?#\s]+(:\d{1,5})?(\/[^?#\s]*)?$/,
        'url is host[/path] as IAM stores it: no scheme, query or fragment',
      )
      .refine((u) => !u.endsWith('/'), 'url must not end with a slash'),
    clientIds: z.array(z.string().min(1).max(255)).min(1).max(100),
    scheme: z.enum(['https', 'http']).default('https'),
  })
  .strict()
  // IAM rejects ports; the emulator allows one only on loopback so the local demo can run on :3000.
  .refine((p) => !/^[^/]+:\d+/.test(p.url) || LOOPBACK.test(p.url), {
    message: 'a port is only allowed for a loopback host (IAM provider URLs have no port)',
    path: ['url'],
  })
  .refine((p) => p.scheme === 'https' || LOOPBACK.test(p.url), {
    message: 'scheme "http" is only allowed for a loopback host (local demo)',
    path: ['scheme'],
  });

/** An IAM user's long-term access key with IAM rights in its own account (what Rolegate's revocation uses). */
const iamUserSchema = z
  .object({
    account: z.string().regex(/^\d{12}$/),
    accessKeyId: z.string().regex(/^AKIA[A-Z0-9]{16}$/, 'IAM user access keys are AKIA + 16 characters'),
    secretAccessKey: z.string().min(40).max(128),
  })
  .strict();

export const emulatorConfigSchema = z
  .object({
    accounts: z.array(accountSchema).min(1),
    oidcProviders: z.array(providerSchema).default([]),
    samlProviders: z.array(samlProviderSchema).default([]),
    iamUsers: z.array(iamUserSchema).default([]),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const ids = new Set(cfg.accounts.map((a) => a.id));
    cfg.samlProviders.forEach((p, i) => {
      const problem = !ids.has(p.account)
        ? `unknown account ${p.account}`
        : cfg.samlProviders.findIndex((q) => q.arn === p.arn) !== i
          ? `duplicate SAML provider ${p.arn}`
          : undefined;
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['samlProviders', i] });
    });
    cfg.oidcProviders.forEach((p, i) => {
      if (!ids.has(p.account)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown account ${p.account}`,
          path: ['oidcProviders', i],
        });
      }
      const dup = cfg.oidcProviders.findIndex((q) => q.account === p.account && q.url === p.url);
      if (dup !== i) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate provider ${p.url}`,
          path: ['oidcProviders', i],
        });
      }
    });
  });

export type EmulatorConfig = z.output<typeof emulatorConfigSchema>;
export type EmulatorConfigInput = z.input<typeof emulatorConfigSchema>;
export type AccountConfig = EmulatorConfig['accounts'][number];
export type RoleConfig = AccountConfig['roles'][number];
export type OidcProviderConfig = EmulatorConfig['oidcProviders'][number];
export type IamUserConfig = EmulatorConfig['iamUsers'][number];
export type { SamlProviderConfig } from './saml-provider-config';
export { samlProviderArn } from './saml-provider-config';
export type { PolicyStatement, TrustPolicy, TrustPolicyInput } from './policy-schema';

export class EmulatorConfigError extends Error {
  override readonly name = 'EmulatorConfigError';
}

/** Validates a config object; throws EmulatorConfigError listing every problem. */
export function parseEmulatorConfig(input: unknown): EmulatorConfig {
  const result = emulatorConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new EmulatorConfigError(`invalid AWS emulator config:\n${lines.join('\n')}`, {
    cause: result.error,
  });
}

/** Reads and validates the emulator's JSON config file (SAML `metadataFile`s are relative to it). */
export async function loadEmulatorConfig(file: string): Promise<EmulatorConfig> {
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new EmulatorConfigError(`${file} is not valid JSON`, { cause: err });
  }
  try {
    json = await inlineMetadataFiles(json, path.dirname(file));
  } catch (err) {
    throw new EmulatorConfigError(`invalid AWS emulator config: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return parseEmulatorConfig(json);
}

/** The IAM ARN of an OIDC provider, as trust policies name it in `Principal.Federated`. */
export function oidcProviderArn(p: Pick<OidcProviderConfig, 'account' | 'url'>): string {
  return `arn:aws:iam::${p.account}:oidc-provider/${p.url}`;
}

/** A role by account and name; IAM role names are case-insensitive for lookup. */
export function findRole(
  cfg: EmulatorConfig,
  accountId: string,
  name: string,
): RoleConfig | undefined {
  const account = cfg.accounts.find((a) => a.id === accountId);
  return account?.roles.find((r) => r.name.toLowerCase() === name.toLowerCase());
}
