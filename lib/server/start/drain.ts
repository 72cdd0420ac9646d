/**
 * Graceful stop (issue 14 §1): on SIGTERM the server stops accepting connections, idle keep-alive
 * connections are closed, requests in flight run to their end — an issuance writes its audit row in
 * the same request, so a finished request is a written ledger — and then the app closes. Bounded: after
 * `timeoutMs` the remaining connections are cut and the stop reports `timeout` (exit 1, and the
 * requests cut are the ones whose clients saw no answer).
 */
import type { Server } from 'node:http';

export type DrainResult = 'drained' | 'timeout';

export function drain(server: Server, closeApp: () => Promise<void>, timeoutMs: number): Promise<DrainResult> {
  return new Promise<DrainResult>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const closed = new Promise<void>((r) => server.close(() => r()));
    // A connection that is idle now may never send another request: close it instead of waiting for it.
    server.closeIdleConnections();
    timer = setTimeout(() => {
      timer = undefined;
      server.closeAllConnections();
      resolve('timeout');
    }, timeoutMs);
    void closed
      .then(closeApp)
      .then(() => {
        if (timer === undefined) return;
        clearTimeout(timer);
        resolve('drained');
      });
  });
}
