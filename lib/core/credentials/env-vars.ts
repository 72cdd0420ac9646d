/**
 * The one list of environment variables every shell and dotenv formatter sets, plus the checks they
 * share. Variable names: AWS CLI/SDK environment variables ([UG cli-configure-envvars]; AWS SDKs
 * and Tools reference guide "Environment variables"): `AWS_REGION` is read by the SDKs,
 * `AWS_DEFAULT_REGION` by the AWS CLI.
 */
import { GatewayError } from '../errors';
import type { Credentials } from '../types';
import { assertAwsValue } from '../aws/patterns';

/** Options every formatter accepts. `profile` only matters to the INI format. */
export interface FormatOptions {
  /** When given (and a valid region name) also sets AWS_REGION and AWS_DEFAULT_REGION. */
  region?: string;
  /** INI section name; default `default`. */
  profile?: string;
}

/** A formatter: pure, no I/O. Throws `AWS_VALUE_INVALID` when a value cannot be written safely. */
export type CredentialFormatter = (creds: Credentials, opts?: FormatOptions) => string;

/** `[name, value]` in the order they are written. */
export type EnvAssignment = readonly [name: string, value: string];

/** The variables to set, in order. Validates the region (it is written into shells). */
export function envAssignments(creds: Credentials, opts?: FormatOptions): EnvAssignment[] {
  const out: EnvAssignment[] = [
    ['AWS_ACCESS_KEY_ID', creds.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', creds.secretAccessKey],
    ['AWS_SESSION_TOKEN', creds.sessionToken],
  ];
  if (opts?.region !== undefined) {
    assertAwsValue('region', opts.region);
    out.push(['AWS_REGION', opts.region], ['AWS_DEFAULT_REGION', opts.region]);
  }
  return out;
}

/**
 * C0 controls except newline, DEL, C1 controls, and lone UTF-16 surrogates. None occur in real
 * credentials; in a pasted snippet they could drive the terminal (escape sequences), trigger
 * completion (a tab pasted into bash without bracketed paste is eaten by readline — seen in the
 * interactive test) or corrupt the encoding. NUL cannot live in an environment variable at all.
 */
const UNSAFE_TEXT = /[\x00-\x09\x0b-\x1f\x7f-\x9f]|\p{Cs}/u;

/**
 * The error every formatter throws for a value it cannot carry. Names the variable, never the
 * value.
 */
export function unrepresentable(format: string, name: string, reason: string): GatewayError {
  return new GatewayError('AWS_VALUE_INVALID', `${format}: ${name} ${reason}`, {
    publicDetail: `${name} cannot be written safely as ${format}: it ${reason}`,
  });
}

/**
 * Throws unless `value` is plain text: no control characters (tab included) or lone surrogates, and
 * no line breaks unless `allowNewline` (then only `\n`; `\r` is rejected everywhere).
 */
export function assertPlainText(
  format: string,
  name: string,
  value: string,
  allowNewline: boolean,
): void {
  if (UNSAFE_TEXT.test(value)) {
    throw unrepresentable(format, name, 'contains a control character');
  }
  if (!allowNewline && value.includes('\n')) {
    throw unrepresentable(format, name, 'contains a line break');
  }
}
