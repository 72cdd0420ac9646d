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
      : UNAVAILABLE.has(e.code) || rawQueryUnavailable(e) || lostConnection(e)
        ? 'DB_UNAVAILABLE'
        : 'INTERNAL';
    return new GatewayError(code, `${operation}: ${e.code}`, { cause: e });
  }
  if (lostSerializableRace(e)) {
    return new GatewayError('DB_CONFLICT', `${operation}: lost a serialisable race`, { cause: e });
  }
  if (e instanceof Prisma.PrismaClientInitializationError || isDriverFailure(e) || lostConnection(e)) {
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

// SQLSTATE class 08 (connection exception) and 57P01–57P03: the server is shutting down or restarting (a
// failover, an administrator's pg_terminate_backend) or not accepting connections yet.
const CONNECTION_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;

/** The driver adapter's cause: on the error itself inside a transaction, under `meta` outside one. */
function adapterCause(e: Error): { originalCode?: unknown } | undefined {
  if (e.name === 'DriverAdapterError') return (e as { cause?: { originalCode?: unknown } }).cause;
  const meta = (e as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta;
  return meta?.driverAdapterError?.cause;
}

/**
 * The connection died under a query (issue 14 §5): PostgreSQL ended it (57P01 and kin), or the socket
 * closed without a word — a crashed server or a network cut — which node-postgres reports as a plain
 * "Connection terminated unexpectedly" that neither the driver adapter nor Prisma classifies.
 */
function lostConnection(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (/^Connection terminated\b/.test(e.message)) return true;
  const sqlState = adapterCause(e)?.originalCode;
  return typeof sqlState === 'string' && CONNECTION_SQLSTATE.test(sqlState);
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
