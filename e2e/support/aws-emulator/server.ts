/**
 * AWS emulator for tests and the demo: a plain node:http server speaking STS (query protocol at `/`),
 * a deny-everything EC2 stand-in (the same `/`, `Version=2016-11-15`), IAM's role inline policies (the
 * same `/`, `Version=2010-05-08`; their explicit denies revoke sessions), the federation endpoint
 * (`/federation`), the SAML console sign-in (`POST /saml`) and a fake console (`/console/...`). Point the
 * product at it with AWS_ENDPOINT_URL_STS=<url> and consoleUrl=<url>/console.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createJwksCache } from './jwks-cache';
import type { AddressInfo } from 'node:net';
import { closeServer } from '../http-kit';
import { AuthorizationMessages } from './authorization-message';
import type { EmulatorConfig } from './config';
import { handleConsole } from './console-page';
import type { EmulatorContext } from './context';
import { CredentialStore, type RevocationCheck } from './credential-store';
import { EC2_VERSION, handleEc2 } from './ec2';
import { handleFederation } from './federation';
import { handleIam, IAM_VERSION } from './iam';
import { RolePolicyStore } from './role-policies';
import { FederationStore } from './federation-store';
import { BodyTooLargeError, readBody, requestParams, send } from './http-util';
import { SamlChoiceStore } from './saml-choice-store';
import { handleSamlSignin } from './saml-signin';
import { handleSts } from './sts-router';

export interface AwsEmulatorOptions {
  config: EmulatorConfig;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /** Externally visible base URL; default `http://localhost:<port>`. Console Destinations must be under it. */
  publicUrl?: string;
  /** Clock in epoch ms (default Date.now); inject to expire tokens and credentials in tests. */
  now?: () => number;
  /** Time budget for each OIDC discovery / JWKS fetch (default 5000 ms). */
  idpTimeoutMs?: number;
  /** Hook for session revocation (AWS-FACTS §1.5); default: nothing is revoked. */
  isRevoked?: RevocationCheck;
}

export interface RequestCounters {
  sts: number;
  /** The EC2 stand-in (every action denied with an encoded message). */
  ec2: number;
  /** IAM role inline-policy actions. */
  iam: number;
  federation: number;
  /** POST /saml (console sign-in and role choices). */
  saml: number;
}

export interface AwsEmulator {
  /** The emulator's base URL (publicUrl when given). */
  url: string;
  close(): Promise<void>;
  /** Live counters of requests served per endpoint. */
  requests: RequestCounters;
  /** The issued credentials, for assertions. */
  credentials: CredentialStore;
  /** The roles' inline policies (IAM PutRolePolicy), for assertions. */
  rolePolicies: RolePolicyStore;
}

type Route = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
) => Promise<void> | void;

function router(ctx: EmulatorContext, counters: RequestCounters): Route {
  return async (req, res, url, body) => {
    const method = req.method ?? 'GET';
    if (url.pathname === '/' && (method === 'POST' || method === 'GET')) {
      const version = requestParams(req, url, body).get('Version');
      const service = version === EC2_VERSION ? 'ec2' : version === IAM_VERSION ? 'iam' : 'sts';
      counters[service]++;
      await { ec2: handleEc2, iam: handleIam, sts: handleSts }[service](ctx, req, res, url, body);
    } else if (url.pathname === '/federation' && (method === 'POST' || method === 'GET')) {
      counters.federation++;
      handleFederation(ctx, res, requestParams(req, url, body));
    } else if (url.pathname === '/saml' && method === 'POST') {
      counters.saml++;
      handleSamlSignin(ctx, res, requestParams(req, url, body));
    } else if (
      (url.pathname === '/console' || url.pathname.startsWith('/console/')) &&
      method === 'GET'
    ) {
      handleConsole(ctx, req, res, url);
    } else if (url.pathname === '/healthz') {
      send(res, 200, 'text/plain', 'ok\n');
    } else {
      send(res, 404, 'text/plain', 'Not Found\n');
    }
  };
}

async function serve(route: Route, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const body = await readBody(req);
    await route(req, res, url, body);
  } catch (err) {
    if (res.headersSent) return void res.destroy();
    if (err instanceof BodyTooLargeError)
      return send(res, 413, 'text/plain', 'Payload Too Large\n');
    console.error('aws-emulator: request failed', err);
    send(res, 500, 'text/plain', 'Internal Server Error\n');
  }
}

export async function startAwsEmulator(opts: AwsEmulatorOptions): Promise<AwsEmulator> {
  const counters: RequestCounters = { sts: 0, ec2: 0, iam: 0, federation: 0, saml: 0 };
  const rolePolicies = new RolePolicyStore();
  // A session is revoked when its role's inline policies deny it everything (AWS-FACTS §1.5), or by the
  // optional test hook.
  const credentials = new CredentialStore((cred) => rolePolicies.deniesEverything(cred) || (opts.isRevoked?.(cred) ?? false));
  // The context needs the bound port (for publicUrl), so routing starts once the server listens.
  let route: Route = (_req, res) => send(res, 503, 'text/plain', 'Starting\n');
  const server = createServer((req, res) => void serve(route, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = (opts.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');
  route = router(
    {
      config: opts.config,
      now: opts.now ?? Date.now,
      credentials,
      federation: new FederationStore(),
      rolePolicies,
      samlChoices: new SamlChoiceStore(),
      authorizationMessages: new AuthorizationMessages(),
      publicUrl: url,
      idpTimeoutMs: opts.idpTimeoutMs ?? 5000,
      jwksCache: createJwksCache({ ttlMs: 3_600_000, minRefetchMs: 1000, now: opts.now ?? Date.now }),
    },
    counters,
  );
  return {
    url,
    requests: counters,
    credentials,
    rolePolicies,
    close: () => closeServer(server),
  };
}
