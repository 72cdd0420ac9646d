/**
 * An OIDC sign-in as app/api/auth/[...nextauth]/route.ts serves it — Rolegate's auth route (auth-route.ts)
 * around real next-auth with Rolegate's options (options.ts), the store on real repos — against the test
 * OIDC IdP (e2e/support/oidc-idp) behind a fault-injecting front (idp-front.ts). A browser is played
 * with two cookie jars: Rolegate's and the IdP's.
 */
import type { TestContext } from 'node:test';
import pino from 'pino';
import { migrate } from '../../../../prisma/migrate';
import { startDemoIdp } from '../../../../e2e/support/oidc-idp/server';
import { CookieJar, formAction, navigate, postForm } from '../../../../e2e/support/oidc-idp/testkit';
import { parseConfigText } from '../../../core/config/parse';
import type { GatewayErrorCode } from '../../../core/errors';
import { closeDb, createDb } from '../../../db/client';
import { hashToken } from '../../../db/crypto';
import { createRepos, type Repos } from '../../../db/repos';
import { createEmptyDatabase, dropDatabase } from '../../../db/test-support/databases';
import { runSql } from '../../../db/test-support/sql';
import { handleAuthRequest } from '../../auth/auth-route';
import { buildAuthOptions, type AuthDeps } from '../../auth/options';
import { countSigninFailures } from '../../signin-failure-count';
import { startIdpFront, type IdpFront } from './idp-front';
import { storeOn } from './store';
import { runNextAuth } from './next-auth-api';

/** Rolegate's public URL (next-auth reads it from NEXTAUTH_URL). Nothing listens there: requests are handed in. */
export const RP_URL = 'http://localhost:3999';
const CLIENT = { clientId: 'rolegate-faults', clientSecret: 'faults-secret' };
const META = { ip: '198.51.100.7', userAgent: 'fault-test' };

export interface OidcStack {
  front: IdpFront;
  /** Signs `login` in from a new browser; resolves with where Rolegate's callback sent it (absolute). */
  signIn(login: string): Promise<string>;
  /** Rows that a sign-in writes, counted in PostgreSQL. */
  counts(): Promise<{ users: number; sessions: number; signinsOk: number; signinsFailed: number }>;
  /** The refused sign-ins counted so far (all minutes), as `code idp count`. */
  failures(): Promise<string[]>;
}

function configYaml(issuer: string): string {
  return `
publicUrl: ${RP_URL}
DANGEROUSLY_ALLOW_HTTP: true
idps:
  - { id: okta, preset: okta, name: Okta, issuer: "${issuer}", clientId: ${CLIENT.clientId} }
accounts:
  - { id: "111122223333", alias: dev, region: eu-west-1, roles: [{ name: ReadOnly }] }
rules:
  - { id: devs, idps: [okta], groups: [aws-dev-admins], roles: [dev/ReadOnly] }
`;
}

/** The route of app/api/auth/[...nextauth]/route.ts, with its container parts given. */
function authRoute(authDeps: AuthDeps, repos: Repos): (req: Request) => Promise<Response> {
  const signinFailed = (code: GatewayErrorCode, idpId: string) => countSigninFailures(repos, authDeps.now, META, idpId)(code);
  return (req) => handleAuthRequest({ config: authDeps.config, signinFailed }, req, () => runNextAuth(req, buildAuthOptions(authDeps, META)));
}

async function browse(route: (req: Request) => Promise<Response>, jar: CookieJar, path: string, init: RequestInit = {}): Promise<Response> {
  const url = `${RP_URL}${path}`;
  const headers = new Headers(init.headers);
  headers.set('host', new URL(RP_URL).host);
  const cookie = jar.header(url);
  if (cookie) headers.set('cookie', cookie);
  const res = await route(new Request(url, { ...init, headers }));
  jar.store(res);
  return res;
}

/** Plays the browser: csrf, start at Rolegate, log in at the IdP, back to Rolegate's callback. */
async function playSignIn(route: (req: Request) => Promise<Response>, front: IdpFront, login: string): Promise<string> {
  const jar = new CookieJar();
  const { csrfToken } = (await (await browse(route, jar, '/api/auth/csrf')).json()) as { csrfToken: string };
  const form = postForm({ csrfToken, callbackUrl: `${RP_URL}/roles`, json: 'true' });
  const { url } = (await (await browse(route, jar, '/api/auth/signin/okta', form)).json()) as { url: string };
  if (!url.startsWith(front.url)) return url; // refused before the IdP
  const idpJar = new CookieJar();
  const loginPage = await navigate(idpJar, front.url, url);
  const action = new URL(formAction(await loginPage.res.text()), loginPage.url).href;
  const back = await navigate(idpJar, front.url, action, postForm({ login, password: 'demo' }));
  if (!back.leftTo) throw new Error(`the IdP did not send the browser back (HTTP ${back.res.status})`);
  const callback = await browse(route, jar, `${back.leftTo.pathname}${back.leftTo.search}`);
  const location = callback.headers.get('Location');
  return location === null ? `HTTP ${callback.status}` : new URL(location, RP_URL).href;
}

export async function startOidcStack(t: TestContext): Promise<OidcStack> {
  const front = await startIdpFront();
  const idp = await startDemoIdp({ port: 0, publicUrl: front.url, clients: [{ ...CLIENT, redirectUris: [`${RP_URL}/api/auth/callback/okta`] }] });
  front.target = idp.port;
  const url = await createEmptyDatabase('postgresql');
  await migrate(url);
  const db = createDb(url);
  const saved = process.env.NEXTAUTH_URL;
  process.env.NEXTAUTH_URL = RP_URL;
  t.after(async () => {
    process.env.NEXTAUTH_URL = saved;
    await Promise.all([idp.close(), front.close()]);
    await closeDb(db);
    await dropDatabase(url);
  });
  const repos = createRepos(db);
  const config = parseConfigText(configYaml(idp.issuers.okta));
  const authDeps: AuthDeps = { config, secret: 'faults-nextauth-secret-0123456789abcdef', clientSecrets: new Map([['okta', CLIENT.clientSecret]]), store: storeOn(repos), hashSessionId: hashToken, now: () => new Date(), log: () => pino({ level: 'silent' }) };
  const route = authRoute(authDeps, repos);
  const count = async (sql: string) => Number((await runSql(url, sql))[0]?.n);
  return {
    front,
    signIn: (login) => playSignIn(route, front, login),
    counts: async () => ({
      users: await count('SELECT count(*) AS n FROM "User"'),
      sessions: await count('SELECT count(*) AS n FROM "PortalSession"'),
      signinsOk: await count(`SELECT count(*) AS n FROM "AuditEvent" WHERE "type" = 'signin' AND "outcome" = 'ok'`),
      signinsFailed: await count(`SELECT count(*) AS n FROM "AuditEvent" WHERE "type" = 'signin' AND "outcome" = 'failed'`),
    }),
    failures: async () => (await runSql(url, 'SELECT "code", "idpId", sum("count") AS "count" FROM "SigninFailureCount" GROUP BY "code", "idpId" ORDER BY "code"')).map((r) => `${String(r.code)} ${String(r.idpId)} ${String(r.count)}`),
  };
}
