/**
 * A browser without a browser, for the load phase: fetch with redirects followed by hand, a cookie jar per
 * site (Rolegate's, and a fresh one at the IdP for every sign-in), and one client address per virtual user
 * sent as X-Forwarded-For. The proxy appends the loopback peer and the instances trust two hops
 * (ROLEGATE_TRUSTED_PROXY_HOPS=2), so Rolegate sees this address as the client's: per-IP limits count each
 * user apart, as they would count people behind a real load balancer.
 */
import { CookieJar } from '../oidc-idp/testkit';
import { type Recorder, StepFailure } from './load-record';

/** One answer may take this long before the user gives up on it (counted as a transport failure). */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The address of virtual user `index`, from 198.18.0.0/15 (RFC 2544: set aside for benchmarks). It is only
 * ever written into a header; no packet goes to it.
 */
export function virtualAddress(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= 2 * 256 * 254) throw new Error(`no benchmark address for user ${index}`);
  const host = index % 254;
  const net = Math.floor(index / 254);
  return `198.${18 + Math.floor(net / 256)}.${net % 256}.${host + 1}`;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

export interface SendOptions {
  step: string;
  expected: readonly number[];
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/** Rolegate as one user's browser sees it, through the proxy. */
export class AppClient {
  jar = new CookieJar();
  readonly origin: string;

  constructor(
    appUrl: string,
    readonly address: string,
    readonly rec: Recorder,
    private readonly stop: AbortSignal,
  ) {
    this.origin = new URL(appUrl).origin;
  }

  /** Forgets every cookie: the next sign-in starts from nothing, like a new browser profile. */
  reset(): void {
    this.jar = new CookieJar();
  }

  /** Sends one request (path or absolute URL on Rolegate); an answer outside `expected` throws StepFailure. */
  async send(target: string, opts: SendOptions): Promise<Answer> {
    const url = new URL(target, this.origin);
    if (url.origin !== this.origin) throw new StepFailure(opts.step, `left Rolegate for ${url.origin}`);
    const headers = new Headers({ ...opts.headers, 'x-forwarded-for': this.address, 'user-agent': 'rolegate-bench-load' });
    const cookie = this.jar.header(url.href);
    if (cookie) headers.set('cookie', cookie);
    let res: Response;
    let text: string;
    const t0 = performance.now();
    try {
      res = await fetch(url, { method: opts.method ?? 'GET', headers, body: opts.body, redirect: 'manual', signal: AbortSignal.any([this.stop, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]) });
      text = await res.text();
    } catch (err) {
      throw new StepFailure(opts.step, `transport ${transportReason(err)}`);
    } finally {
      this.rec.step(opts.step, performance.now() - t0);
    }
    this.jar.store(res);
    this.rec.answer(opts.step, res.status, opts.expected);
    const errorPage = errorPageCode(res, this.origin);
    if (errorPage !== undefined) this.rec.errorPage(opts.step, errorPage);
    if (!opts.expected.includes(res.status)) throw new StepFailure(opts.step, `HTTP ${res.status}${errorCode(text)}`);
    return { status: res.status, headers: res.headers, text };
  }

  postForm(target: string, fields: Record<string, string>, opts: Omit<SendOptions, 'method' | 'body'>): Promise<Answer> {
    const headers = { ...opts.headers, 'content-type': 'application/x-www-form-urlencoded' };
    return this.send(target, { ...opts, method: 'POST', headers, body: new URLSearchParams(fields).toString() });
  }

  hasCookie(name: string): boolean {
    return this.jar.header(`${this.origin}/`).split('; ').some((c) => c.startsWith(`${name}=`));
  }
}

/** A redirect's target, resolved against Rolegate's origin. */
export function locationOf(answer: Answer, step: string, origin: string): URL {
  const location = answer.headers.get('location');
  if (!location) throw new StepFailure(step, `HTTP ${answer.status} without a Location`);
  return new URL(location, origin);
}

/** The code of a redirect to Rolegate's error page (`/error?error=<code>`), if this answer is one. */
function errorPageCode(res: Response, origin: string): string | undefined {
  const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
  if (!location) return undefined;
  const target = new URL(location, origin);
  return target.origin === origin && target.pathname === '/error' ? (target.searchParams.get('error') ?? '') : undefined;
}

function transportReason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as Error & { cause?: { code?: string } }).cause;
  return err.name === 'TimeoutError' || err.name === 'AbortError' ? err.name : (cause?.code ?? err.message);
}

/** The typed error code of a refusal (`{ error: { code } }` or `?error=` in a redirect), for the failure tally. */
function errorCode(text: string): string {
  const m = /"code":"([A-Z_]+)"/.exec(text);
  return m?.[1] ? ` ${m[1]}` : '';
}
