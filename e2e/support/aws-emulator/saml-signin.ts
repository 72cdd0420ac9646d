/**
 * `POST /saml`: the emulator's stand-in for AWS's console SAML endpoint (https://signin.aws.amazon.com/saml,
 * AWS-FACTS §1.2). Form `SAMLResponse` (+ optional `RelayState`): the same checks as AssumeRoleWithSAML,
 * except that the Recipient must be this endpoint. One offered role → console session + 302 to RelayState
 * (when under /console) or the console home; several → the "Select a role" page, which posts back only a
 * server-side single-use handle and the chosen pair (form `handle`, `role`).
 */
import type { ServerResponse } from 'node:http';
import { AwsError } from './aws-error';
import type { EmulatorContext } from './context';
import { consoleUrl, startConsoleSession } from './federation';
import { send } from './http-util';
import { assumeWithSaml } from './saml-assume';
import { roleSessionName, rolePairs, sessionDuration } from './saml-attributes';
import type { SamlChoice } from './saml-choice-store';
import { emulatorSamlEndpoint } from './saml-endpoints';
import { parseSamlResponse, verifySamlResponse, type VerifiedSaml } from './saml-response';
import { chooserPage, SIGNIN_HEADERS, signinErrorPage } from './saml-signin-page';

const HTML = 'text/html; charset=utf-8';
/** Console session length when the assertion has no SessionDuration attribute. */
const DEFAULT_CONSOLE_SECONDS = 3600;

class SigninError extends Error {
  override readonly name = 'SigninError';
}

type Option = SamlChoice['options'][number];

/** Verifies the response against every provider whose metadata entityID is its Issuer. */
function verifyAll(ctx: EmulatorContext, b64: string, nowMs: number): Map<string, VerifiedSaml> {
  const parsed = parseSamlResponse(b64);
  const endpoint = emulatorSamlEndpoint(ctx.publicUrl);
  const candidates = ctx.config.samlProviders.filter((p) => p.entityId === parsed.issuer);
  if (candidates.length === 0) {
    throw new AwsError('InvalidIdentityToken', "Specified provider doesn't exist");
  }
  const verified = new Map<string, VerifiedSaml>();
  let firstError: unknown;
  for (const provider of candidates) {
    try {
      const checks = { nowMs, acceptRecipient: (r: string) => r === endpoint };
      verified.set(provider.arn, verifySamlResponse(parsed, provider, checks));
    } catch (err) {
      firstError ??= err;
    }
  }
  if (verified.size === 0) throw firstError;
  return verified;
}

/** The lesser of SessionDuration (default 1 h) and the AuthnStatement SessionNotOnOrAfter. */
function consoleLifetimeMs(verified: VerifiedSaml, nowMs: number): number {
  const duration = (sessionDuration(verified.attributes) ?? DEFAULT_CONSOLE_SECONDS) * 1000;
  const lifetime = Math.min(duration, (verified.sessionNotOnOrAfter ?? Infinity) - nowMs);
  if (lifetime <= 0) {
    throw new AwsError('ExpiredTokenException', 'Token expired: SessionNotOnOrAfter has passed');
  }
  return lifetime;
}

function complete(
  ctx: EmulatorContext,
  res: ServerResponse,
  option: Option,
  choice: Omit<SamlChoice, 'options' | 'expiresAt'>,
): void {
  const cred = assumeWithSaml(
    ctx,
    option.verified,
    option.pair,
    (_role, nowMs) => nowMs + choice.lifetimeMs,
  );
  startConsoleSession(ctx, res, {
    accessKeyId: cred.accessKeyId,
    lifetimeMs: choice.lifetimeMs,
    destination: choice.destination,
  });
}

function signIn(ctx: EmulatorContext, res: ServerResponse, params: URLSearchParams): void {
  const nowMs = ctx.now();
  const verified = verifyAll(ctx, params.get('SAMLResponse') ?? '', nowMs);
  const [first] = verified.values();
  if (!first) throw new SigninError('no provider verified the response');
  const seen = new Set<string>();
  const options = rolePairs(first.attributes).flatMap((pair): Option[] => {
    const v = verified.get(pair.providerArn);
    const key = `${pair.roleArn},${pair.providerArn}`;
    if (!v || seen.has(key)) return [];
    seen.add(key);
    return [{ pair, verified: v }];
  });
  if (options.length === 0) {
    throw new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML');
  }
  // Fail before the chooser rather than after the pick (RoleSessionName is the same for every role).
  roleSessionName(first.attributes);
  const settings = {
    lifetimeMs: consoleLifetimeMs(first, nowMs),
    destination:
      consoleUrl(ctx, params.get('RelayState')) ?? `${ctx.publicUrl}/console/home?region=us-east-1`,
  };
  if (options.length === 1 && options[0]) return complete(ctx, res, options[0], settings);
  const handle = ctx.samlChoices.create({ options, ...settings }, nowMs);
  const page = chooserPage(
    emulatorSamlEndpoint(ctx.publicUrl),
    handle,
    options.map((o) => o.pair),
  );
  send(res, 200, HTML, page, SIGNIN_HEADERS);
}

function choose(ctx: EmulatorContext, res: ServerResponse, params: URLSearchParams): void {
  const taken = ctx.samlChoices.take(params.get('handle') ?? '', ctx.now());
  if (!taken.ok)
    throw new SigninError(`the role selection is no longer valid (${taken.reason}); sign in again`);
  const role = params.get('role');
  const option = taken.choice.options.find(
    (o) => `${o.pair.roleArn},${o.pair.providerArn}` === role,
  );
  if (!option) throw new SigninError('the selected role was not offered');
  complete(ctx, res, option, taken.choice);
}

/** `POST /saml` with its query-protocol parameters (form body and query string). */
export function handleSamlSignin(
  ctx: EmulatorContext,
  res: ServerResponse,
  params: URLSearchParams,
): void {
  try {
    if (params.has('SAMLResponse')) signIn(ctx, res, params);
    else if (params.has('handle')) choose(ctx, res, params);
    else throw new SigninError('the request has no SAMLResponse');
  } catch (err) {
    if (err instanceof AwsError) {
      send(res, err.status, HTML, signinErrorPage(err.code, err.message), SIGNIN_HEADERS);
    } else if (err instanceof SigninError) {
      send(res, 400, HTML, signinErrorPage('InvalidRequest', err.message), SIGNIN_HEADERS);
    } else {
      throw err;
    }
  }
}
