import { GatewayError, type GatewayErrorCode } from '../../../lib/core/errors';

/**
 * What the load phase's virtual users saw: latency of every successful operation, every answer Rolegate
 * (through the proxy) gave by step and status, failures by reason, and the request ids of the issuances
 * that were answered with keys or a console link (the ledger must hold exactly one row for each).
 */
export const OPERATIONS = ['signinOidc', 'signinSaml', 'issuance', 'console'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** An operation that did not succeed: which step, and the status or transport error it met. */
export class StepFailure extends Error {
  constructor(
    readonly step: string,
    readonly reason: string,
  ) {
    super(`${step}: ${reason}`);
  }
}

const bump = (m: Map<string, number>, key: string, by = 1) => m.set(key, (m.get(key) ?? 0) + by);

export class Recorder {
  readonly samples: Record<Operation, number[]> = { signinOidc: [], signinSaml: [], issuance: [], console: [] };
  /** `<operation> <step>: <reason>` → count. */
  readonly failures = new Map<string, number>();
  /** Every answer from Rolegate's public URL, by HTTP status. */
  readonly statuses = new Map<string, number>();
  /**
   * Page routes (SAML login and ACS, console links, next-auth) answer a failure with a redirect to
   * /error?error=<code>, not with its status: `<step> <code>` → count, and which of those codes stand for
   * a 5xx (an internal error, an unreachable dependency).
   */
  readonly errorPages = new Map<string, number>();
  errorPages5xx = 0;
  /** Answers that were not the status their step expects: `<step> <status>` → count. */
  readonly unexpected = new Map<string, number>();
  /** Request ids (X-Request-Id) of issuances answered with keys (200) or a console link (303). */
  readonly issued: string[] = [];
  /** Of those, the console links (each also has a `console` ledger row). */
  readonly consoleLinks: string[] = [];
  /** Issuance requests whose answer never arrived (transport error, abort): their ledger rows are unknown. */
  readonly unsettled: string[] = [];
  /** Duration of each request by step (Rolegate's and the IdPs'), successful or not: where the time goes. */
  readonly steps = new Map<string, number[]>();
  signins = 0;

  step(step: string, ms: number): void {
    const list = this.steps.get(step) ?? [];
    list.push(ms);
    this.steps.set(step, list);
  }

  answer(step: string, status: number, expected: readonly number[]): void {
    bump(this.statuses, String(status));
    if (!expected.includes(status)) bump(this.unexpected, `${step} ${status}`);
  }

  /** A redirect to Rolegate's error page, with the status the code would have had as an API answer. */
  errorPage(step: string, code: string): void {
    bump(this.errorPages, `${step} ${code}`);
    if (errorCodeStatus(code) >= 500) this.errorPages5xx++;
  }

  ok(op: Operation, ms: number): void {
    this.samples[op].push(ms);
    if (op === 'signinOidc' || op === 'signinSaml') this.signins++;
  }

  failed(op: Operation, err: unknown): void {
    const reason = err instanceof StepFailure ? err.message : `unexpected: ${err instanceof Error ? err.message : String(err)}`;
    bump(this.failures, `${op} ${reason}`);
  }

  /** 5xx answers, plus error-page redirects whose code is a 5xx one. */
  serverErrors(): number {
    return [...this.statuses].filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0) + this.errorPages5xx;
  }

  /** Folds another recorder's ledger facts in (the warm-up's: its issuances are in the ledger too). */
  absorbLedgerFacts(other: Recorder): void {
    this.issued.push(...other.issued);
    this.consoleLinks.push(...other.consoleLinks);
    this.unsettled.push(...other.unsettled);
    this.signins += other.signins;
    this.errorPages5xx += other.errorPages5xx;
    for (const [k, v] of other.errorPages) bump(this.errorPages, `warm-up ${k}`, v);
    for (const [k, v] of other.statuses) bump(this.statuses, k, v);
    for (const [k, v] of other.unexpected) bump(this.unexpected, `warm-up ${k}`, v);
    for (const [k, v] of other.failures) bump(this.failures, `warm-up ${k}`, v);
  }
}

/** The HTTP status a Rolegate error code stands for; an unknown code (not Rolegate's) counts as 500. */
export function errorCodeStatus(code: string): number {
  return new GatewayError(code as GatewayErrorCode).status ?? 500;
}
