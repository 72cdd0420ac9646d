/**
 * Fetches an OIDC issuer's discovery document and JWKS the way STS does for AssumeRoleWithWebIdentity
 * (AWS-FACTS §1.3). Any failure — unreachable, timeout, non-200, bad JSON, issuer mismatch — is
 * `IDPCommunicationError` (400), as AWS reports an IdP it cannot use.
 */
import type { JSONWebKeySet } from 'jose';
import { z } from 'zod';
import { AwsError } from './aws-error';

const discoverySchema = z.object({ issuer: z.string(), jwks_uri: z.string() });
const jwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });

function idpError(message: string, cause?: unknown): AwsError {
  return new AwsError('IDPCommunicationError', message, { cause });
}

async function fetchJson(url: string, timeoutMs: number): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw idpError(
      `Couldn't retrieve verification key from your identity provider (${url} unreachable)`,
      err,
    );
  }
  if (res.status !== 200) {
    throw idpError(
      `Couldn't retrieve verification key from your identity provider (${url} answered ${res.status})`,
    );
  }
  try {
    return await res.json();
  } catch (err) {
    throw idpError(
      `Couldn't retrieve verification key from your identity provider (${url} is not JSON)`,
      err,
    );
  }
}

/**
 * @param iss the token's `iss`, already matched to a registered provider
 * @param allowHttp the provider is registered with scheme "http" (local demo only)
 */
export async function fetchIssuerJwks(
  iss: string,
  allowHttp: boolean,
  timeoutMs: number,
): Promise<JSONWebKeySet> {
  const discoveryUrl = `${iss.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const discovery = discoverySchema.safeParse(await fetchJson(discoveryUrl, timeoutMs));
  if (!discovery.success) throw idpError('The OpenID configuration lacks issuer or jwks_uri');
  if (discovery.data.issuer !== iss) {
    throw idpError(
      `The OpenID configuration issuer ${discovery.data.issuer} does not match the token issuer ${iss}`,
    );
  }
  let jwksUrl: URL;
  try {
    jwksUrl = new URL(discovery.data.jwks_uri);
  } catch (err) {
    throw idpError('The OpenID configuration has an invalid jwks_uri', err);
  }
  if (jwksUrl.protocol !== 'https:' && !(allowHttp && jwksUrl.protocol === 'http:')) {
    throw idpError('The jwks_uri must use https');
  }
  const jwks = jwksSchema.safeParse(await fetchJson(jwksUrl.href, timeoutMs));
  if (!jwks.success) throw idpError('The JWKS document is malformed');
  return jwks.data as JSONWebKeySet;
}
