/**
 * Verifies a WebIdentityToken as STS does (AWS-FACTS §1.3): registered issuer, issuer discovery + JWKS,
 * RS/ES signature, audience = one of the provider's client IDs, integer timestamps, 5 minutes of skew.
 */
import {
  compactVerify,
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JWTPayload,
} from 'jose';
import { z } from 'zod';
import { AwsError } from './aws-error';
import { oidcProviderArn, type EmulatorConfig, type OidcProviderConfig } from './config';
import type { JwksCache } from './jwks-cache';
import { fetchIssuerJwks } from './oidc-discovery';

export const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];
export const CLOCK_SKEW_SEC = 300;

const claimsSchema = z.object({
  iss: z.string().min(1),
  sub: z.string().min(1).max(255),
  aud: z.union([z.string(), z.array(z.string()).min(1)]),
  exp: z.number().int(),
  iat: z.number().int(),
  nbf: z.number().int().optional(),
  amr: z.union([z.string(), z.array(z.string())]).optional(),
});

export interface VerifiedWebIdentity {
  provider: OidcProviderConfig;
  providerArn: string;
  /** The `aud` value that matched one of the provider's client IDs. */
  audience: string;
  subject: string;
  amr: string[];
  /** The whole payload, for the session tag and source identity claims. */
  payload: JWTPayload;
}

export interface TokenCheckOptions {
  config: EmulatorConfig;
  accountId: string;
  nowMs: number;
  idpTimeoutMs: number;
  /** The issuers' keys as STS caches them (jwks-cache.ts). */
  jwksCache: JwksCache;
}

const invalid = (message: string, cause?: unknown): AwsError =>
  new AwsError('InvalidIdentityToken', message, { cause });

function decode(token: string): { alg: string; kid: string | undefined; payload: JWTPayload } {
  try {
    const header = decodeProtectedHeader(token);
    return { alg: String(header.alg ?? ''), kid: typeof header.kid === 'string' ? header.kid : undefined, payload: decodeJwt(token) };
  } catch (err) {
    throw invalid(
      'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
      err,
    );
  }
}

/** The provider whose URL equals `iss` minus its scheme; https unless the provider was registered as http. */
function findProvider(config: EmulatorConfig, accountId: string, iss: string): OidcProviderConfig {
  const match = /^(https?):\/\/(.+)$/.exec(iss);
  const provider = match
    ? config.oidcProviders.find(
        (p) => p.account === accountId && p.url === match[2] && p.scheme === match[1],
      )
    : undefined;
  if (!provider) throw invalid(`No OpenIDConnect provider found in your account for ${iss}`);
  return provider;
}

async function verifySignature(
  token: string,
  jwks: Parameters<typeof createLocalJWKSet>[0],
): Promise<void> {
  const getKey = createLocalJWKSet(jwks);
  try {
    await compactVerify(token, getKey, { algorithms: ALLOWED_ALGORITHMS });
  } catch (err) {
    if (err instanceof errors.JWKSMultipleMatchingKeys) {
      for await (const key of err) {
        if (
          await compactVerify(token, key, { algorithms: ALLOWED_ALGORITHMS }).then(
            () => true,
            () => false,
          )
        )
          return;
      }
    }
    if (err instanceof errors.JWKSNoMatchingKey) {
      throw invalid(
        "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
        err,
      );
    }
    throw invalid('The web identity token signature could not be verified', err);
  }
}

function checkClaims(
  payload: JWTPayload,
  provider: OidcProviderConfig,
  nowMs: number,
): Omit<VerifiedWebIdentity, 'provider' | 'providerArn' | 'payload'> {
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) {
    throw invalid(
      `The web identity token is missing or has malformed claims: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  const claims = parsed.data;
  const audiences = typeof claims.aud === 'string' ? [claims.aud] : claims.aud;
  const audience = audiences.find((a) => provider.clientIds.includes(a));
  if (audience === undefined) throw invalid('Incorrect token audience');
  const nowSec = Math.floor(nowMs / 1000);
  if (nowSec >= claims.exp + CLOCK_SKEW_SEC) {
    throw new AwsError(
      'ExpiredTokenException',
      `Token expired: current date/time ${nowSec} must be before the expiration date/time ${claims.exp}`,
    );
  }
  if (claims.nbf !== undefined && claims.nbf > nowSec + CLOCK_SKEW_SEC)
    throw invalid('Token is not yet valid (nbf)');
  if (claims.iat > nowSec + CLOCK_SKEW_SEC) throw invalid('Token issued in the future (iat)');
  const amr =
    claims.amr === undefined ? [] : typeof claims.amr === 'string' ? [claims.amr] : claims.amr;
  return { audience, subject: claims.sub, amr };
}

export async function verifyWebIdentityToken(
  token: string,
  opts: TokenCheckOptions,
): Promise<VerifiedWebIdentity> {
  const { alg, kid, payload } = decode(token);
  if (typeof payload.iss !== 'string') throw invalid('The web identity token has no iss claim');
  const provider = findProvider(opts.config, opts.accountId, payload.iss);
  if (!ALLOWED_ALGORITHMS.includes(alg)) {
    throw invalid(
      `Unsupported web identity token algorithm "${alg}"; use ${ALLOWED_ALGORITHMS.join(', ')}`,
    );
  }
  const iss = payload.iss;
  const jwks = await opts.jwksCache.keysFor(iss, kid, () => fetchIssuerJwks(iss, provider.scheme === 'http', opts.idpTimeoutMs));
  await verifySignature(token, jwks);
  const checked = checkClaims(payload, provider, opts.nowMs);
  return { ...checked, provider, providerArn: oidcProviderArn(provider), payload };
}
