/**
 * Prometheus metrics (issue 14 §4), every name prefixed `rolegate_`: sign-ins by IdP and outcome code,
 * issuances by account, role, channel and outcome, STS / IdP / SAML-validation / ledger-write latency,
 * the live config revision, key expiry and rate-limit refusals. One registry per process (kept on
 * globalThis like the container, so every route chunk of the Next bundle counts into the same one).
 * Labels take values from the config (IdP ids, accounts, roles) or fixed sets (codes, channels), never
 * from what a request says, so a flood of requests cannot grow the label space.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AuditRecord } from '../core/issuance/audit-event';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface KeyState {
  purpose: string;
  kid: string;
  status: string;
  notAfter?: Date;
}

/** What the gauges read at scrape time (set once the container is built). */
export interface LiveSources {
  revision?: () => number;
  keys?: () => Promise<KeyState[]>;
}

function define(registry: Registry) {
  const r = [registry];
  const sources: LiveSources = {};
  return {
    registry,
    sources,
    signins: new Counter({ name: 'rolegate_signins_total', help: 'Sign-ins by IdP or SAML connection id, outcome and error code', labelNames: ['idp', 'outcome', 'code'] as const, registers: r }),
    issuances: new Counter({ name: 'rolegate_issuances_total', help: 'Credential and console issuances by account, role, channel and outcome', labelNames: ['type', 'account', 'role', 'channel', 'outcome', 'code'] as const, registers: r }),
    stsSeconds: new Histogram({ name: 'rolegate_sts_call_seconds', help: 'Latency of STS calls', labelNames: ['operation', 'outcome'] as const, buckets: SECONDS, registers: r }),
    idpSeconds: new Histogram({ name: 'rolegate_idp_call_seconds', help: 'Latency of calls to IdPs (SAML metadata fetches, OIDC callbacks with their token exchange)', labelNames: ['call', 'outcome'] as const, buckets: SECONDS, registers: r }),
    samlValidationSeconds: new Histogram({ name: 'rolegate_saml_validation_seconds', help: 'Latency of SAML response validation', labelNames: ['outcome'] as const, buckets: SECONDS, registers: r }),
    ledgerWriteSeconds: new Histogram({ name: 'rolegate_ledger_write_seconds', help: 'Latency of audit ledger writes', labelNames: ['outcome'] as const, buckets: SECONDS, registers: r }),
    configRevision: new Gauge({
      name: 'rolegate_config_revision',
      help: 'The live config revision of this instance',
      registers: r,
      collect() {
        if (sources.revision) this.set(sources.revision());
      },
    }),
    keyNotAfter: new Gauge({
      name: 'rolegate_key_not_after_timestamp_seconds',
      help: 'When each active or next signing key or certificate stops being usable (Unix seconds)',
      labelNames: ['purpose', 'status', 'kid'] as const,
      registers: r,
      // The database down leaves this gauge empty for the scrape rather than failing it.
      async collect() {
        this.reset();
        const keys = sources.keys ? await sources.keys().catch(() => []) : [];
        for (const k of keys) if (k.notAfter) this.set({ purpose: k.purpose, status: k.status, kid: k.kid }, Math.floor(k.notAfter.getTime() / 1000));
      },
    }),
    rateLimited: new Counter({ name: 'rolegate_rate_limited_total', help: 'Requests refused by a rate limit', labelNames: ['limit'] as const, registers: r }),
  };
}

export type Metrics = ReturnType<typeof define>;

export function createMetrics(): Metrics {
  return define(new Registry());
}

const holder = globalThis as typeof globalThis & { __rolegateMetrics?: Metrics };

/** This process's metrics, with Node's process metrics (memory, CPU, event-loop lag) under the same prefix. */
export function metrics(): Metrics {
  if (!holder.__rolegateMetrics) {
    const m = createMetrics();
    collectDefaultMetrics({ register: m.registry, prefix: 'rolegate_' });
    holder.__rolegateMetrics = m;
  }
  return holder.__rolegateMetrics;
}

/** Runs `fn`, observing its duration in `histogram` with `outcome` ok or failed. */
export async function timed<T, L extends string>(histogram: Histogram<L | 'outcome'>, labels: Partial<Record<L, string>>, fn: () => Promise<T>): Promise<T> {
  const end = histogram.startTimer(labels as Partial<Record<L | 'outcome', string>>);
  try {
    const out = await fn();
    end({ outcome: 'ok' } as Partial<Record<L | 'outcome', string>>);
    return out;
  } catch (e) {
    end({ outcome: 'failed' } as Partial<Record<L | 'outcome', string>>);
    throw e;
  }
}

const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/;

/** Counts what an audit row records: sign-ins and issuances (keys, console links). */
export function observeAudit(m: Metrics, record: AuditRecord): void {
  const outcome = record.outcome;
  const code = record.code ?? '';
  if (record.type === 'signin') {
    m.signins.inc({ idp: record.idpId ?? '', outcome, code });
    return;
  }
  if (record.type !== 'issuance' && record.type !== 'console') return;
  const arn = record.roleArn ? ROLE_ARN.exec(record.roleArn) : null;
  const channel = typeof record.detail?.channel === 'string' ? record.detail.channel : '';
  m.issuances.inc({ type: record.type, account: arn?.[1] ?? '', role: arn?.[2] ?? '', channel, outcome, code });
}

/** `fetchFn`, each call timed as an IdP call named `call`. */
export function timedFetch(fetchFn: typeof fetch, call: string): typeof fetch {
  return (input, init) => timed(metrics().idpSeconds, { call }, () => fetchFn(input, init));
}
