/**
 * The CLI's failures: a GatewayError (STYLE rule 3) that also carries the process exit code. The
 * message is what `rolegate` prints after `rolegate: ` on stderr.
 */
import { GatewayError, type GatewayErrorCode } from '../core/errors';

/** Exit codes (documented in `rolegate --help` and lib/cli/README.md). */
export const EXIT = {
  OK: 0,
  /** Anything else: the server or network failed, an unexpected answer, a local file problem. */
  FAILURE: 1,
  /** Not logged in, or the login expired or was revoked: run `rolegate login`. */
  LOGIN_REQUIRED: 2,
  /** The device code was denied in the browser. */
  DENIED: 3,
  /** The device code expired before it was approved. */
  CODE_EXPIRED: 4,
  /** The server refused the request for this user (no such role, policy denies it). */
  FORBIDDEN: 5,
  /** Bad command line (BSD sysexits EX_USAGE). */
  USAGE: 64,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends GatewayError {
  readonly exitCode: ExitCode;

  constructor(
    code: GatewayErrorCode,
    exitCode: ExitCode,
    message: string,
    opts?: { cause?: unknown },
  ) {
    super(code, message, opts);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export const LOGIN_EXPIRED_MESSAGE = 'your login has expired or was revoked; run "rolegate login"';

/** The one message for a refresh token the server no longer accepts. */
export function loginExpired(cause?: unknown): CliError {
  return new CliError('SESSION_REVOKED', EXIT.LOGIN_REQUIRED, LOGIN_EXPIRED_MESSAGE, { cause });
}

export function notLoggedIn(server: string): CliError {
  const message = `not logged in to ${server}; run "rolegate login"`;
  return new CliError('UNAUTHENTICATED', EXIT.LOGIN_REQUIRED, message);
}

export function usage(message: string): CliError {
  return new CliError('BAD_REQUEST', EXIT.USAGE, `${message} (see "rolegate --help")`);
}

export function failure(message: string, cause?: unknown): CliError {
  return new CliError('INTERNAL', EXIT.FAILURE, message, { cause });
}
