/**
 * One virtual user of the load phase: signs in (OIDC or SAML, by persona), then asks for keys and console
 * links for the roles it holds, back to back (a closed loop: no think time), and signs in afresh after
 * ACTIONS_PER_SESSION operations or MAX_SESSION_MS (so a slow fleet still sees sign-ins all along) — but
 * not more often than every MIN_SESSION_MS, which keeps each address's SAML sign-ins (≤ 0.2/s) under the
 * per-IP limit (0.5/s) however fast the fleet answers.
 */
import { AppClient, locationOf, virtualAddress } from './load-http';
import { type Operation, type Recorder, StepFailure } from './load-record';
import { signInOidc, signInSaml } from './load-signin';

export interface Persona {
  kind: 'oidc' | 'saml';
  /** The OIDC IdP id or the SAML connection id (e2e/support/demo/demo-config.ts). */
  via: string;
  login: string;
  /** Roles the demo rules give this person: web-identity and SAML-delivered ones, several accounts. */
  roles: readonly string[];
}

/** Alternating OIDC and SAML, so any number of users is an even mix of both sign-ins. */
export const PERSONAS: readonly Persona[] = [
  { kind: 'oidc', via: 'okta', login: 'bob@example.com', roles: ['444455556666/Operator', '444455556666/ReadOnly'] },
  { kind: 'saml', via: 'adfs', login: 'sid@example.com', roles: ['444455556666/Operator', '444455556666/ReadOnly'] },
  { kind: 'oidc', via: 'okta', login: 'alice@example.com', roles: ['111122223333/Developer', '444455556666/ReadOnly'] },
  { kind: 'saml', via: 'okta-saml', login: 'sam@example.com', roles: ['111122223333/Developer', '444455556666/ReadOnly'] },
  { kind: 'oidc', via: 'entra', login: 'dana@contoso.example', roles: ['111122223333/Admin', '111122223333/ReadOnly'] },
  { kind: 'saml', via: 'entra-saml', login: 'sid@example.com', roles: ['444455556666/Operator', '444455556666/ReadOnly'] },
  { kind: 'oidc', via: 'google', login: 'gina@example.com', roles: ['111122223333/ReadOnly', '777788889999/SecurityAudit'] },
  { kind: 'saml', via: 'shibboleth', login: 'sam@example.com', roles: ['111122223333/Admin', '111122223333/ReadOnly'] },
];

export const ACTIONS_PER_SESSION = 10;
export const MIN_SESSION_MS = 5_000;
export const MAX_SESSION_MS = 20_000;
/** After a failed sign-in, before the next try. */
const RETRY_PAUSE_MS = 1_000;

export interface UserContext {
  index: number;
  appUrl: string;
  idpUrl: string;
  samlIdpUrl: string;
  rec: Recorder;
  /** No operation starts after this (epoch ms); those under way finish. */
  deadline: number;
  /** The hard stop: aborts every request under way. */
  stop: AbortSignal;
  /** Prefix of the X-Request-Ids this run sends. */
  runTag: string;
}

export function personaFor(index: number): Persona {
  const persona = PERSONAS[index % PERSONAS.length];
  if (!persona) throw new Error('no personas');
  return persona;
}

/** Every third operation of a session is a console link, the others keys; roles take turns. */
export function actionFor(i: number, persona: Persona): { op: 'issuance' | 'console'; roleId: string } {
  return { op: i % 3 === 2 ? 'console' : 'issuance', roleId: persona.roles[i % persona.roles.length] ?? '' };
}

async function timedOp(rec: Recorder, op: Operation, run: () => Promise<void>): Promise<boolean> {
  const t0 = performance.now();
  try {
    await run();
    rec.ok(op, performance.now() - t0);
    return true;
  } catch (err) {
    rec.failed(op, err);
    return false;
  }
}

/** Keys (POST /api/aws/credentials, JSON) or a console link (POST /api/aws/console, form), as the portal asks. */
/** Resolves with the keys' JSON for an issuance. */
export async function issue(app: AppClient, op: 'issuance' | 'console', roleId: string, requestId: string): Promise<string | undefined> {
  const headers = { origin: app.origin, 'x-request-id': requestId };
  try {
    if (op === 'issuance') {
      const body = JSON.stringify({ roleId });
      const keys = await app.send('/api/aws/credentials', { step: 'credentials', expected: [200], method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
      app.rec.issued.push(requestId);
      if (!keys.text.includes('"accessKeyId"')) throw new StepFailure('credentials', 'HTTP 200 without an access key id');
      return keys.text;
    }
    // A page route: a refusal is a 303 too, to Rolegate's error page, and issued nothing.
    const link = locationOf(await app.postForm('/api/aws/console', { roleId }, { step: 'console', expected: [303], headers }), 'console', app.origin);
    if (link.origin === app.origin) throw new StepFailure('console', `sent to ${link.pathname}${link.search}`);
    app.rec.issued.push(requestId);
    app.rec.consoleLinks.push(requestId);
    if (!link.searchParams.get('SigninToken')) throw new StepFailure('console', 'HTTP 303 without a sign-in token');
    return undefined;
  } catch (err) {
    if (err instanceof StepFailure && err.reason.startsWith('transport')) app.rec.unsettled.push(requestId);
    throw err;
  }
}

export function signIn(app: AppClient, idps: { idpUrl: string; samlIdpUrl: string }, persona: Persona): Promise<void> {
  return persona.kind === 'oidc' ? signInOidc(app, idps.idpUrl, persona.via, persona.login) : signInSaml(app, idps.samlIdpUrl, persona.via, persona.login);
}

export const signinOperation = (persona: Persona): Operation => (persona.kind === 'oidc' ? 'signinOidc' : 'signinSaml');

const sleep = (ms: number, stop: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    stop.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export async function runUser(ctx: UserContext): Promise<void> {
  const persona = personaFor(ctx.index);
  const app = new AppClient(ctx.appUrl, virtualAddress(ctx.index), ctx.rec, ctx.stop);
  const going = () => Date.now() < ctx.deadline && !ctx.stop.aborted;
  let sent = 0;
  while (going()) {
    const signedIn = await timedOp(ctx.rec, signinOperation(persona), () => signIn(app, ctx, persona));
    if (!signedIn) {
      await sleep(RETRY_PAUSE_MS, ctx.stop);
      continue;
    }
    const since = Date.now();
    const more = (i: number) => Date.now() - since < MIN_SESSION_MS || (i < ACTIONS_PER_SESSION && Date.now() - since < MAX_SESSION_MS);
    for (let i = 0; going() && more(i); i++) {
      const { op, roleId } = actionFor(i, persona);
      await timedOp(ctx.rec, op, async () => void (await issue(app, op, roleId, `${ctx.runTag}-u${ctx.index}-${sent++}`)));
    }
  }
}
