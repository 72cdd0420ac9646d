/**
 * The request id (issue 14 §4): every request gets one at the production server's door (serve.ts), in
 * an AsyncLocalStorage that follows the request through Next into our route handlers. Every log line
 * carries it (create-logger.ts) and every audit row written while serving the request has it in its
 * detail (container.ts), so a log line and a ledger row can be joined. The storage lives on globalThis:
 * the server bundle and Next's route bundle each load their own copy of this module.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { AuditSink } from '../core/issuance/audit-event';

export interface RequestContext {
  requestId: string;
}

const holder = globalThis as typeof globalThis & { __rolegateRequests?: AsyncLocalStorage<RequestContext> };

export function requestStorage(): AsyncLocalStorage<RequestContext> {
  holder.__rolegateRequests ??= new AsyncLocalStorage<RequestContext>();
  return holder.__rolegateRequests;
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return requestStorage().getStore()?.requestId;
}

const INCOMING_ID = /^[\w.:@/+=-]{1,128}$/;

/**
 * The id for one request: the X-Request-Id a trusted proxy in front set (only when there is one:
 * ROLEGATE_TRUSTED_PROXY_HOPS > 0, and only in a safe shape), else a new UUID.
 */
export function requestIdFor(incoming: string | string[] | undefined, trustedProxyHops: number): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return trustedProxyHops > 0 && value !== undefined && INCOMING_ID.test(value) ? value : randomUUID();
}

/** The ledger sink: a row written while serving a request carries that request's id in its detail. */
export function auditWithRequestId(sink: AuditSink): AuditSink {
  return (record) => {
    const requestId = currentRequestId();
    return sink(requestId === undefined ? record : { ...record, detail: { ...record.detail, requestId } });
  };
}
