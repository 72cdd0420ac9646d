/**
 * The only module that reads process.env (STYLE rule 5). Parsed once, typed, frozen; a bad environment
 * stops the start with every problem listed. Secrets live here, never in the config file.
 */
import { z } from 'zod';
import { GatewayError } from '../core/errors';

const base64Key = z
  .string()
  .transform((s) => Buffer.from(s.trim(), 'base64'))
  .refine((b) => b.length === 32, 'each key must be 32 bytes, base64-encoded (openssl rand -base64 32)');

const iamKeysSchema = z.record(
  z.string().regex(/^\d{12}$/, 'keys are 12-digit account ids'),
  z.object({ accessKeyId: z.string().regex(/^(AKIA|ASIA)[A-Z0-9]{16}$/, 'not an access key id'), secretAccessKey: z.string().min(16).max(128) }).strict(),
);

const envSchema = z.object({
  ROLEGATE_CONFIG: z.string().min(1).default('./rolegate.yaml'),
  /** Must equal the config's publicUrl (next-auth builds callback URLs from it). */
  NEXTAUTH_URL: z.url(),
  /** Encrypts the session cookie (next-auth). ≥ 32 characters. */
  NEXTAUTH_SECRET: z.string().min(32, 'use at least 32 random characters (openssl rand -base64 32)'),
  /** Comma-separated AES-256 keys for secrets at rest; the first encrypts, all decrypt (rotation). */
  ROLEGATE_ENCRYPTION_KEYS: z.string().transform((s, ctx) => {
    const keys = s.split(',').filter(Boolean).map((k) => base64Key.safeParse(k));
    if (keys.length === 0 || keys.some((k) => !k.success)) {
      ctx.addIssue({ code: 'custom', message: 'a comma-separated list of 32-byte base64 keys' });
      return z.NEVER;
    }
    return keys.map((k) => k.data as Buffer);
  }),
  DATABASE_URL: z.string().default('file:./data/rolegate.db'),
  /** Standard AWS SDK variable; honoured for every STS call. */
  AWS_ENDPOINT_URL_STS: z.url().optional(),
  ROLEGATE_DEMO: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Port of `npm start` (as for `next start`; its `-p` wins). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * How many reverse proxies in front of Rolegate append to X-Forwarded-For. 0: clients reach Rolegate
   * directly and the TCP peer is the client. See lib/server/start/client-ip.ts.
   */
  ROLEGATE_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Bearer token for `GET /metrics` (Prometheus text format, issue 14 §4). Absent: /metrics is off (404).
   */
  ROLEGATE_METRICS_TOKEN: z.string().min(32, 'use at least 32 random characters (openssl rand -hex 32)').optional(),
  /**
   * IAM keys for revoking issued AWS sessions (issue 5 §5), per account:
   * `{"111122223333":{"accessKeyId":"AKIA…","secretAccessKey":"…"}}`. They need iam:GetRolePolicy and
   * iam:PutRolePolicy on the roles Rolegate vends. Absent: revocation of AWS sessions is unavailable.
   */
  ROLEGATE_IAM_KEYS: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return {};
      let json: unknown;
      try {
        json = JSON.parse(s);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object: {"<account id>":{"accessKeyId":"…","secretAccessKey":"…"}}' });
        return z.NEVER;
      }
      const parsed = iamKeysSchema.safeParse(json);
      if (parsed.success) return parsed.data;
      // Never echo the value: it holds secret keys.
      for (const i of parsed.error.issues) ctx.addIssue({ code: 'custom', message: `${i.path.join('.')}: ${i.message}` });
      return z.NEVER;
    }),
});

export interface RolegateEnv extends Omit<z.output<typeof envSchema>, 'ROLEGATE_DEMO'> {
  demo: boolean;
  /** `ROLEGATE_IDP_<ID>_CLIENT_SECRET` values by IdP id (id upper-cased, `-` → `_`). */
  idpClientSecrets: ReadonlyMap<string, string>;
}

export function idpSecretVar(idpId: string): string {
  return `ROLEGATE_IDP_${idpId.toUpperCase().replace(/-/g, '_')}_CLIENT_SECRET`;
}

export function parseEnv(source: NodeJS.ProcessEnv): RolegateEnv {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  environment: ${i.path.join('.')}: ${i.message}`);
    throw new GatewayError('CONFIG_INVALID', `invalid environment:\n${lines.join('\n')}`);
  }
  const secrets = new Map<string, string>();
  for (const [k, v] of Object.entries(source)) {
    const m = /^ROLEGATE_IDP_([A-Z0-9_]+)_CLIENT_SECRET$/.exec(k);
    if (m?.[1] && v) secrets.set(m[1].toLowerCase().replace(/_/g, '-'), v);
  }
  const { ROLEGATE_DEMO, ...rest } = result.data;
  return Object.freeze({ ...rest, demo: ROLEGATE_DEMO === '1', idpClientSecrets: secrets });
}

let cached: RolegateEnv | undefined;
export function getEnv(): RolegateEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * `next start` runs with NODE_ENV=production unless told otherwise (React and Next pick their production
 * builds from it); Rolegate's server (lib/server/start) calls this before it loads Next.
 */
export function defaultNodeEnvToProduction(): void {
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || 'production' });
}

/**
 * Where Next.js reaches itself (it fetches the target of a server action's redirect). `next start` sets
 * this private variable to its local URL once listening; a custom server has to, or Next derives it from
 * X-Forwarded-Proto and asks https://localhost behind a TLS-terminating proxy.
 */
export function setNextSelfOrigin(localUrl: string): void {
  Object.assign(process.env, { __NEXT_PRIVATE_ORIGIN: localUrl });
}
