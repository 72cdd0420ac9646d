/**
 * Every repo query runs through `dbCall`, so callers only ever see GatewayError (STYLE.md rule 3) and never
 * a Prisma error type. The Prisma error stays in `cause` for the log.
 */
import { GatewayError, isGatewayError } from '../../core/errors';
import { Prisma } from '../generated/sqlite/client';

// P1xxx: connection-level failures; P2024: timed out waiting for a pooled connection.
const UNAVAILABLE = new Set([
  'P1000',
  'P1001',
  'P1002',
  'P1008',
  'P1010',
  'P1011',
  'P1017',
  'P2024',
]);
// Unique and foreign-key violations, and a serialisable transaction that lost a race (P2034).
const CONFLICT = new Set(['P2002', 'P2003', 'P2034']);
// A raw query ($queryRaw) that failed is P2010 whatever the cause; the driver adapter's error kind says
// which. These are the kinds behind the P1xxx codes above.
const UNAVAILABLE_KINDS = new Set([
  'AuthenticationFailed',
  'DatabaseNotReachable',
  'SocketTimeout',
  'DatabaseAccessDenied',
  'TlsConnectionError',
  'ConnectionClosed',
]);

export async function dbCall<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw toGatewayError(operation, e);
  }
}

export function toGatewayError(operation: string, e: unknown): GatewayError {
  if (isGatewayError(e)) return e;
  if (e instanceof Prisma.PrismaClientKnownRequestError) {
    const code = CONFLICT.has(e.code)
      ? 'DB_CONFLICT'
      : UNAVAILABLE.has(e.code) || rawQueryUnavailable(e)
        ? 'DB_UNAVAILABLE'
        : 'INTERNAL';
    return new GatewayError(code, `${operation}: ${e.code}`, { cause: e });
  }
  if (lostSerializableRace(e)) {
    return new GatewayError('DB_CONFLICT', `${operation}: lost a serialisable race`, { cause: e });
  }
  if (e instanceof Prisma.PrismaClientInitializationError || isDriverFailure(e)) {
    return new GatewayError('DB_UNAVAILABLE', `${operation}: database not reachable`, { cause: e });
  }
  return new GatewayError('INTERNAL', `${operation} failed`, { cause: e });
}

function rawQueryUnavailable(e: Prisma.PrismaClientKnownRequestError): boolean {
  if (e.code !== 'P2010') return false;
  const adapter = (e.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined)?.driverAdapterError;
  return typeof adapter?.cause?.kind === 'string' && UNAVAILABLE_KINDS.has(adapter.cause.kind);
}

/**
 * A serialisable transaction PostgreSQL aborted (40001 serialization failure, 40P01 deadlock): through a
 * driver adapter, an interactive transaction surfaces it as the adapter's error with `cause.kind`
 * TransactionWriteConflict rather than as P2034. Retryable, like P2034.
 */
function lostSerializableRace(e: unknown): boolean {
  if (!(e instanceof Error) || e.name !== 'DriverAdapterError') return false;
  const cause = (e as { cause?: { kind?: unknown; originalCode?: unknown } }).cause;
  return cause?.kind === 'TransactionWriteConflict' || cause?.originalCode === '40001' || cause?.originalCode === '40P01';
}

/** Errors raised by the driver itself (refused connection, DNS, TLS) before Prisma could classify them. */
function isDriverFailure(e: unknown): boolean {
  if (e instanceof Prisma.PrismaClientUnknownRequestError) return true;
  const code = e instanceof Error && 'code' in e ? e.code : undefined;
  return (
    typeof code === 'string' &&
    /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN)$/.test(code)
  );
}

/** Domain records leave absent values out rather than carrying SQL NULL. */
export function present<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}
